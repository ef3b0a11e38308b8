using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>
/// What a regulation's page shows from this feature: its cost estimate with inputs, a business's own yearly cost
/// for the number of times it complies, and the plans that propose to change it.
/// </summary>
public static class RegulationCost
{
    public sealed record Query(long RegulationId, int AgencyId, string? Frequency) : IRequest<Result>;

    public sealed record PlanMention
    {
        public long PlanId { get; init; }
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public string? DecisionNumber { get; init; }
        public string Action { get; init; } = "";
        public string? ExecutedBy { get; init; }
        public PlanStatus StatusValue => PlanStatuses.FromCode(Status);
        public PlanAction ActionValue => Enum.Parse<PlanAction>(Action, ignoreCase: true);
    }

    /// <param name="YourCost">Cost per case × the reader's own number of cases a year, when they asked.</param>
    public sealed record Result(StoredEstimate? Estimate, bool CanEdit, string? Frequency, decimal? YourCost, string? FrequencyError, IReadOnlyList<PlanMention> Plans);

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var estimate = await StoredEstimate.LoadAsync(db, request.RegulationId, cancellationToken);
            decimal? yours = null;
            string? error = null;
            if (estimate is not null && !string.IsNullOrWhiteSpace(request.Frequency))
            {
                if (VietnameseNumbers.TryRead(request.Frequency, out var times) && times >= 0 && times <= StandardCostModel.MaxFrequency)
                {
                    yours = estimate.Estimate.CostPerCase * times;
                }
                else
                {
                    error = $"\"{request.Frequency}\" không phải số lần hợp lệ mỗi năm.";
                }
            }
            var plans = (await db.Connection.QueryAsync<PlanMention>(db.Command(
                $"""
                select p.id plan_id, p.title, p.status, p.decision_number, i.action, i.executed_by
                from plan_item i join plan p on p.id = i.plan_id
                where i.regulation_id = @RegulationId and {Visibility.Plans}
                order by p.year desc
                """, user.Visibility.With(request), cancellationToken))).ToList();
            return new Result(estimate, user.Holds(Roles.Editor, request.AgencyId), request.Frequency, yours, error, plans);
        }
    }
}
