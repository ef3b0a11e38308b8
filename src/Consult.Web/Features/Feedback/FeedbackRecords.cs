using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Feedback;
using Consult.Domain.Text;
using Consult.Web.Features.Calendar;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Feedback;

/// <summary>Under "Feedback": the working days an agency has to answer a feedback from the day it reaches it.</summary>
public sealed class FeedbackOptions
{
    public int AnswerWorkingDays { get; set; } = 10;
}

/// <summary>One feedback as everyone may read it (the text of a hidden one is withheld by the views and the API).</summary>
public sealed record FeedbackRow
{
    public long Id { get; init; }
    public long RegulationId { get; init; }
    public string RegulationCode { get; init; } = "";
    public string RegulationTitle { get; init; } = "";
    public int AgencyId { get; init; }
    public string AgencyCode { get; init; } = "";
    public string AgencyName { get; init; } = "";
    public long UserId { get; init; }
    public string RespondentKind { get; init; } = "";
    public string? ProvinceName { get; init; }
    public string Problem { get; init; } = "";
    public string Proposal { get; init; } = "";
    public long? AttachmentId { get; init; }
    public string FiledOn { get; init; } = "";
    public string AnswerDue { get; init; } = "";
    public int? TransferTo { get; init; }
    public string? TransferToName { get; init; }
    public string? Answer { get; init; }
    public string? AnsweredOn { get; init; }
    public bool? Satisfied { get; init; }
    public string? RatingRemark { get; init; }
    public string? HiddenAt { get; init; }
    public string? HiddenReason { get; init; }
    public int Version { get; init; }

    public FeedbackStatus Status => FeedbackStatuses.Of(Answer is not null, TransferTo is not null);

    public bool IsHidden => HiddenAt is not null;

    /// <summary>What the public reads as the state of the feedback: hidden first, else its status.</summary>
    public string StatusLabel => IsHidden ? "Đã ẩn" : FeedbackStatuses.Label(Status);

    /// <summary>Answered after its due day, or unanswered past it; a hidden feedback needs no answer.</summary>
    public bool IsLate(DateOnly today) =>
        !IsHidden && AnswerDeadline.IsLate(DateOnly.Parse(AnswerDue), AnsweredOn is null ? null : DateOnly.Parse(AnsweredOn), today);

    /// <summary>Who filed it, as the public sees it: the kind of respondent, or the provincial office and its province.</summary>
    public string FiledBy => ProvinceName is { } province
        ? $"Văn phòng UBND {province} (tổng hợp từ doanh nghiệp địa phương)"
        : UserKinds.TryParse(RespondentKind, out var kind) ? UserKinds.Label(kind) : RespondentKind;
}

public sealed record FeedbackEvent(string Kind, string? FromAgency, string? ToAgency, string Note, string OnDay)
{
    public string Label => Kind switch
    {
        "filed" => "Gửi phản ánh, kiến nghị",
        "transfer" => $"{FromAgency} chuyển đến {ToAgency}",
        "accept" => $"{ToAgency} nhận xử lý",
        "return" => $"{ToAgency} trả lại {FromAgency}",
        "answer" => $"{FromAgency} trả lời",
        "rate" => "Người gửi đánh giá câu trả lời",
        _ => "Ẩn nội dung",
    };
}

/// <summary>Reads feedback under the portal's one rule: what is said about a regulation is public when the regulation is.</summary>
public static class FeedbackRecords
{
    /// <summary>The feedback the reader may see (<c>f</c>, its regulation <c>r</c> and answering agency <c>a</c>), for a where clause to narrow.</summary>
    public const string Visible = $"""
        from feedback f join regulation r on r.id = f.regulation_id join agency a on a.id = f.agency_id
        where {Visibility.Regulations}
        """;

    private const string Select = $"""
        select f.id, f.regulation_id, r.code regulation_code, r.title regulation_title, f.agency_id, a.code agency_code, a.name agency_name,
            f.user_id, f.respondent_kind, f.problem, f.proposal, f.attachment_id, f.filed_on, f.answer_due,
            f.transfer_to, (select t.name from agency t where t.id = f.transfer_to) transfer_to_name, f.answer, f.answered_on, f.satisfied,
            f.rating_remark, f.hidden_at, f.hidden_reason, f.version, (select p.name from province p where p.code = f.province_code) province_name
        {Visible}
        """;

    public static async Task<List<FeedbackRow>> LoadAsync(Db db, CurrentUser user, string where, object parameters, int take = int.MaxValue, int skip = 0)
    {
        var all = user.Visibility.With(parameters);
        all.AddDynamicParams(new { take, skip });
        return (await db.Connection.QueryAsync<FeedbackRow>($"{Select} and ({where}) order by f.id desc limit @take offset @skip", all, db.Transaction)).ToList();
    }

    public static Task<int> CountAsync(Db db, CurrentUser user, string where, object parameters) =>
        db.Connection.ExecuteScalarAsync<int>($"select count(*) {Visible} and ({where})", user.Visibility.With(parameters), db.Transaction);

    public static async Task<FeedbackRow?> OneAsync(Db db, CurrentUser user, long id) =>
        (await LoadAsync(db, user, "f.id = @id", new { id })).SingleOrDefault();

    public static async Task<DateOnly> DueAsync(Db db, DateOnly reachedOn, int workingDays) =>
        WorkingDays.Add(reachedOn, workingDays, await WorkingCalendars.LoadAsync(db));
}

/// <summary>The public list, filtered by the agency that must answer, the status and the regulation; also the API's.</summary>
public static class FeedbackList
{
    public const int PageSize = 50;

    public sealed record Query : IRequest<Result>
    {
        public string? Agency { get; init; }
        public string? Status { get; init; }
        public string? Regulation { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Result(Query Query, int Total, IReadOnlyList<FeedbackRow> Items, DateOnly Today, IReadOnlyList<string> Errors);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var errors = new List<string>();
            var status = FeedbackStatus.Received;
            if (!string.IsNullOrWhiteSpace(request.Status) && !FeedbackStatuses.TryParse(request.Status, out status))
            {
                errors.Add("Trạng thái không hợp lệ: chọn received (đang xử lý), transferring (đang chuyển) hoặc answered (đã trả lời).");
            }
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (!string.IsNullOrWhiteSpace(request.Regulation))
            {
                where.Add("r.code_key = @regulation");
            }
            if (!string.IsNullOrWhiteSpace(request.Status) && errors.Count == 0)
            {
                where.Add(status switch
                {
                    FeedbackStatus.Answered => "f.answer is not null",
                    FeedbackStatus.Transferring => "f.answer is null and f.transfer_to is not null",
                    _ => "f.answer is null and f.transfer_to is null",
                });
            }
            var page = Math.Max(1, request.Page);
            if (errors.Count > 0)
            {
                return new Result(request with { Page = page }, 0, [], clock.Today(), errors);
            }
            var filter = string.Join(" and ", where);
            var parameters = new { request.Agency, regulation = RegulationCode.Key(request.Regulation ?? "") };
            return new Result(request with { Page = page }, await FeedbackRecords.CountAsync(db, user, filter, parameters),
                await FeedbackRecords.LoadAsync(db, user, filter, parameters, PageSize, (page - 1) * PageSize), clock.Today(), errors);
        }
    }
}

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
            if (await FeedbackRecords.OneAsync(db, user, request.Id) is not { } f)
            {
                return null;
            }
            var events = (await db.Connection.QueryAsync<FeedbackEvent>(
                """
                select e.kind, fa.name from_agency, ta.name to_agency, e.note, e.on_day
                from feedback_event e left join agency fa on fa.id = e.from_agency left join agency ta on ta.id = e.to_agency
                where e.feedback_id = @Id order by e.id
                """, request, db.Transaction)).ToList();
            var open = f.Answer is null && !f.IsHidden;
            var moderator = user.IsIn(Roles.Reviewer) || user.IsIn(Roles.Admin);
            return new Result(f, events, clock.Today(),
                CanWork: open && f.TransferTo is null && user.Holds(Roles.Editor, f.AgencyId),
                CanDecideTransfer: open && f.TransferTo is { } to && user.Holds(Roles.Editor, to),
                CanAnswer: open && f.TransferTo is null && user.Holds(Roles.Lead, f.AgencyId),
                CanRate: f.Answer is not null && f.Satisfied is null && f.UserId == user.Id,
                CanModerate: !f.IsHidden && moderator,
                CanReport: !f.IsHidden && user.IsSignedIn && f.UserId != user.Id,
                Reports: moderator ? await db.Connection.ExecuteScalarAsync<int>("select count(*) from feedback_report where feedback_id = @Id", request, db.Transaction) : 0);
        }
    }
}

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
            var rows = await FeedbackRecords.LoadAsync(db, user, "f.answer is null and f.hidden_at is null and (f.agency_id = @mine or f.transfer_to = @mine)", new { mine = user.AgencyId });
            var name = await db.Connection.ExecuteScalarAsync<string>("select name from agency where id = @AgencyId", new { user.AgencyId }, db.Transaction);
            return new Result(name ?? "",
                rows.Where(f => f.AgencyId == user.AgencyId && f.TransferTo is null).OrderBy(f => f.AnswerDue, StringComparer.Ordinal).ToList(),
                rows.Where(f => f.TransferTo == user.AgencyId).ToList(),
                rows.Where(f => f.AgencyId == user.AgencyId && f.TransferTo is not null).ToList(),
                clock.Today());
        }
    }
}

/// <summary>Per agency, the feedback due: answered on time, late, still overdue — public beside the consultation answers.</summary>
public static class FeedbackTimeliness
{
    public sealed record Row
    {
        public string AgencyName { get; init; } = "";
        public int Filed { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
        public int Overdue { get; init; }
        public int Pending { get; init; }
        public int Satisfied { get; init; }
        public int Rated { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    /// <summary>What lateness is read from; <see cref="FeedbackRow.IsLate"/> decides it, here as on every feedback page.</summary>
    private sealed record Due
    {
        public string AgencyName { get; init; } = "";
        public string AnswerDue { get; init; } = "";
        public string? AnsweredOn { get; init; }
        public bool? Satisfied { get; init; }
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = clock.Today();
            var dues = await db.Connection.QueryAsync<Due>(
                $"select a.name agency_name, f.answer_due, f.answered_on, f.satisfied {FeedbackRecords.Visible} and f.hidden_at is null",
                user.Visibility.With(new { }), db.Transaction);
            return dues
                .Select(d => (d.AgencyName, d.Satisfied, Answered: d.AnsweredOn is not null,
                    Late: new FeedbackRow { AnswerDue = d.AnswerDue, AnsweredOn = d.AnsweredOn }.IsLate(today)))
                .GroupBy(d => d.AgencyName)
                .Select(g => new Row
                {
                    AgencyName = g.Key,
                    Filed = g.Count(),
                    OnTime = g.Count(d => d.Answered && !d.Late),
                    Late = g.Count(d => d.Answered && d.Late),
                    Overdue = g.Count(d => !d.Answered && d.Late),
                    Pending = g.Count(d => !d.Answered && !d.Late),
                    Satisfied = g.Count(d => d.Satisfied == true),
                    Rated = g.Count(d => d.Satisfied is not null),
                })
                .OrderByDescending(r => r.Overdue).ThenBy(r => r.AgencyName)
                .ToList();
        }
    }
}
