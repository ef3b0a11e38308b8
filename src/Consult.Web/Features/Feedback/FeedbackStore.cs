using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;

namespace Consult.Web.Features.Feedback;

/// <summary>What every step on a feedback shares: the row as the form showed it, its history and who hears of it.</summary>
public sealed class FeedbackStore(Db db, CurrentUser user, TimeProvider clock, FeedbackNotices notices)
{
    public const string AuditEntity = "feedback";

    /// <summary>One line of a feedback's history.</summary>
    public const string EventSql = """
        insert into feedback_event (feedback_id, kind, from_agency, to_agency, note, on_day, at, by_user)
        values (@id, @kind, @from, @to, @note, @today, @now, @userId)
        """;

    public static object Event(long id, string kind, int? from, int? to, string note, TimeProvider clock, long? userId) =>
        new { id, kind, from, to, note, today = clock.Today().ToString(IsoDate.Pattern), now = clock.GetUtcNow(), userId };

    /// <summary>The feedback as it is now; a version other than the one the form showed is a conflict.</summary>
    public async Task<FeedbackRow> CurrentAsync(long id, int expectedVersion, CancellationToken cancellationToken)
    {
        var f = await FeedbackRecords.OneAsync(db, user, id, cancellationToken) ?? throw new UserInputException("", "Không có phản ánh, kiến nghị này.", StatusCodes.Status404NotFound);
        if (f.Version != expectedVersion)
        {
            throw UserInputException.Stale("Phản ánh", f.Version, expectedVersion);
        }
        if (f.IsHidden)
        {
            throw new UserInputException("", "Phản ánh đã bị ẩn vì vi phạm quy định của cổng; không xử lý tiếp.");
        }
        if (f.Answer is not null)
        {
            throw new UserInputException("", "Phản ánh đã được trả lời.");
        }
        return f;
    }

    /// <summary>Records a step in the history, moves the version on and tells the author.</summary>
    public async Task StepAsync(FeedbackRow f, string kind, int? from, int? to, string note, string authorNotice, CancellationToken cancellationToken)
    {
        await db.Connection.ExecuteAsync(db.Command("update feedback set version = version + 1 where id = @Id", f, cancellationToken));
        await db.Connection.ExecuteAsync(db.Command(EventSql, Event(f.Id, kind, from, to, note, clock, user.Id), cancellationToken));
        await notices.ToAuthorAsync(f, authorNotice, cancellationToken);
    }
}
