using Consult.Domain.Accounts;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>One feedback with its history, and what the reader may do with it.</summary>
public static class FeedbackDetails
{
    public sealed record Result(FeedbackRow Feedback, IReadOnlyList<FeedbackEvent> Events, DateOnly Today,
        bool CanWork, bool CanDecideTransfer, bool CanAnswer, bool CanRate, bool CanModerate, bool CanReport, int Reports);

    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await FeedbackRecords.OneAsync(db, user, request.Id, cancellationToken) is not { } f)
            {
                return null;
            }
            var events = (await db.Connection.QueryAsync<FeedbackEvent>(db.Command(
                """
                select e.kind, fa.name from_agency, ta.name to_agency, e.note, e.on_day
                from feedback_event e left join agency fa on fa.id = e.from_agency left join agency ta on ta.id = e.to_agency
                where e.feedback_id = @Id order by e.id
                """, request, cancellationToken))).ToList();
            var open = f.Answer is null && !f.IsHidden;
            var moderator = user.IsIn(Roles.Reviewer) || user.IsIn(Roles.Admin);
            return new Result(f, events, clock.Today(),
                CanWork: open && f.TransferTo is null && user.Holds(Roles.Editor, f.AgencyId),
                CanDecideTransfer: open && f.TransferTo is { } to && user.Holds(Roles.Editor, to),
                CanAnswer: open && f.TransferTo is null && user.Holds(Roles.Lead, f.AgencyId),
                CanRate: f.Answer is not null && f.Satisfied is null && f.UserId == user.Id,
                CanModerate: !f.IsHidden && moderator,
                CanReport: !f.IsHidden && user.IsSignedIn && f.UserId != user.Id,
                Reports: moderator ? await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from feedback_report where feedback_id = @Id", request, cancellationToken)) : 0);
        }
    }

    /// <summary>The answer of <c>/api/v1/feedback/{id}</c>: the listed fields, the texts (none when hidden), the answer and the steps.</summary>
    public static object Json(Result d)
    {
        var f = d.Feedback;
        var item = FeedbackList.Json(f, d.Today);
        item["filedBy"] = f.FiledBy;
        item["problem"] = f.IsHidden ? null : f.Problem;
        item["proposal"] = f.IsHidden ? null : f.Proposal;
        item["hidden"] = f.IsHidden ? new { reason = f.HiddenReason } : null;
        item["answer"] = f.Answer;
        item["history"] = d.Events.Select(e => new { kind = e.Kind, on = e.OnDay, from = e.FromAgency, to = e.ToAgency, note = e.Note });
        return item;
    }
}
