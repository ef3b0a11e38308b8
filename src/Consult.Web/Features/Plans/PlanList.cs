using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Plans;

/// <summary>Plans the reader may see: the public sees them once submitted; an agency sees its drafts; reviewers see all.</summary>
public static class PlanList
{
    public sealed record Query : IRequest<Result>
    {
        public string? Agency { get; init; }
        public string? Status { get; init; }
        public int? Year { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<PlanSheet> Plans, PlanOptions Options, DateOnly Today, bool CanCreate);

    public sealed class Handler(Db db, CurrentUser user, IOptions<PlanOptions> options, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { Visibility.Plans };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (!string.IsNullOrWhiteSpace(request.Status))
            {
                where.Add("p.status = @Status");
            }
            if (request.Year is not null)
            {
                where.Add("p.year = @Year");
            }
            var plans = await PlanSheets.LoadAsync(db, string.Join(" and ", where), user.Visibility.With(request), cancellationToken);
            return new Result(request, plans, options.Value, clock.Today(), user.IsStaff);
        }
    }

    /// <summary>The answer of <c>/api/v1/plans</c>.</summary>
    public static object Json(Result result) => new { items = result.Plans.Select(p => PlanDetails.Json(p)) };
}
