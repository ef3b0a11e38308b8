using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>An agency's work: feedback it must answer, soonest due first, and transfers offered to it.</summary>
public static class FeedbackQueue
{
    public sealed record Result(string AgencyName, IReadOnlyList<FeedbackRow> ToAnswer, IReadOnlyList<FeedbackRow> Offered, IReadOnlyList<FeedbackRow> SentAway, DateOnly Today);

    public sealed record Query : IRequest<Result?>;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!user.IsStaff)
            {
                return null;
            }
            var rows = await FeedbackRecords.LoadAsync(db, user, "f.answer is null and f.hidden_at is null and (f.agency_id = @mine or f.transfer_to = @mine)", new { mine = user.AgencyId }, cancellationToken);
            var name = await db.Connection.ExecuteScalarAsync<string>(db.Command("select name from agency where id = @AgencyId", new { user.AgencyId }, cancellationToken));
            return new Result(name ?? "",
                rows.Where(f => f.AgencyId == user.AgencyId && f.TransferTo is null).OrderBy(f => f.AnswerDue, StringComparer.Ordinal).ToList(),
                rows.Where(f => f.TransferTo == user.AgencyId).ToList(),
                rows.Where(f => f.AgencyId == user.AgencyId && f.TransferTo is not null).ToList(),
                clock.Today());
        }
    }
}
