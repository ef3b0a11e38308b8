using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Feedback;
using Consult.Web.Features.Calendar;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;

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

    public static async Task<List<FeedbackRow>> LoadAsync(Db db, CurrentUser user, string where, object parameters, CancellationToken cancellationToken, int take = int.MaxValue, int skip = 0)
    {
        var all = user.Visibility.With(parameters);
        all.AddDynamicParams(new { take, skip });
        return (await db.Connection.QueryAsync<FeedbackRow>(db.Command($"{Select} and ({where}) order by f.id desc limit @take offset @skip", all, cancellationToken))).ToList();
    }

    public static Task<int> CountAsync(Db db, CurrentUser user, string where, object parameters, CancellationToken cancellationToken) =>
        db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) {Visible} and ({where})", user.Visibility.With(parameters), cancellationToken));

    public static async Task<FeedbackRow?> OneAsync(Db db, CurrentUser user, long id, CancellationToken cancellationToken) =>
        (await LoadAsync(db, user, "f.id = @id", new { id }, cancellationToken)).SingleOrDefault();

    public static async Task<DateOnly> DueAsync(Db db, DateOnly reachedOn, int workingDays, CancellationToken cancellationToken) =>
        WorkingDays.Add(reachedOn, workingDays, await WorkingCalendars.LoadAsync(db, cancellationToken));
}
