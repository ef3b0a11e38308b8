using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Features.Calendar;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// Under "Consultations": how long agencies have to answer, in working days of the calendar kept under /admin/calendar,
/// and the shortest window for comments, in calendar days (see the README for the provision it is set from).
/// </summary>
public sealed class ConsultationOptions
{
    public int AnswerWorkingDays { get; set; } = 10;

    public int MinimumWindowDays { get; set; } = 20;
}

public sealed record ConsultationHeader
{
    public long Id { get; init; }
    public int AgencyId { get; init; }
    public string AgencyCode { get; init; } = "";
    public string AgencyName { get; init; } = "";
    public string Subject { get; init; } = "";
    public long? LegalDocumentId { get; init; }
    public string? DocumentNumber { get; init; }
    public long? PlanId { get; init; }
    public string? PlanTitle { get; init; }
    public long? RegulationId { get; init; }
    public string? RegulationCode { get; init; }
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    /// <summary>The round this one re-consults, for a re-issued draft; and the round after it, if any.</summary>
    public long? PreviousId { get; init; }
    public long? NextId { get; init; }
    public string DraftText { get; init; } = "";
    public string OpensOn { get; init; } = "";
    public string ClosesOn { get; init; } = "";
    public bool Published { get; init; }
    public string? ClosedOn { get; init; }
    public int Version { get; init; }

    public DateOnly Opens => DateOnly.Parse(OpensOn);
    /// <summary>The last day comments were taken: the closing day, or the day the agency ended the window.</summary>
    public DateOnly LastDay => ClosedOn is { } closed ? DateOnly.Parse(closed) : DateOnly.Parse(ClosesOn);
}

public sealed record ConsultationItem
{
    public long Id { get; init; }
    public long ConsultationId { get; init; }
    public int Position { get; init; }
    public long? RegulationId { get; init; }
    public string? RegulationCode { get; init; }
    public string Label { get; init; } = "";
    /// <summary>The article or clause of the draft's text the item is ("dieu-5", "dieu-5-khoan-2").</summary>
    public string? Anchor { get; init; }
}

public sealed record CommentRow
{
    public long Id { get; init; }
    public long ConsultationId { get; init; }
    public long? ItemId { get; init; }
    public long UserId { get; init; }
    public string AuthorName { get; init; } = "";
    public string RespondentKind { get; init; } = "";
    public string Stance { get; init; } = "";
    public string Body { get; init; } = "";
    /// <summary>The body's comparison key, stored with it (<see cref="CommentText.Key"/>).</summary>
    public string BodyKey { get; init; } = "";
    public long? RepeatOf { get; init; }
    public long? AttachmentId { get; init; }
    public string? AttachmentName { get; init; }
    public long? AttachmentSize { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? HiddenAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public string? HiddenReason { get; init; }
    public string? Verdict { get; init; }
    public string? Explanation { get; init; }
    public string? AnsweredOn { get; init; }
    public bool? Satisfied { get; init; }
    public string? Remark { get; init; }
    public int Reports { get; init; }

    public bool IsHidden => HiddenAt is not null;
    public bool IsWithdrawn => WithdrawnAt is not null;
    public string RespondentLabel => UserKinds.TryParse(RespondentKind, out var kind) ? UserKinds.Label(kind) : RespondentKind;
}

/// <summary>A consultation with what it consults, its comments and answers, and where it stands today.</summary>
public sealed record ConsultationSheet(ConsultationHeader Header, IReadOnlyList<ConsultationItem> Items, IReadOnlyList<CommentRow> Comments, DateOnly Today,
    ConsultationOptions Options, WorkingCalendar Calendar)
{
    /// <summary>The comments that count and need an answer: neither hidden by a moderator nor withdrawn by their author.</summary>
    public IEnumerable<CommentRow> Counted => Comments.Where(c => !c.IsHidden && !c.IsWithdrawn);

    /// <summary>Comments counted on an article of the draft together with its clauses ("dieu-5" counts "dieu-5-khoan-2").</summary>
    public int CommentsOn(string anchor) => Counted.Count(c => c.ItemId is { } id && ItemsById.TryGetValue(id, out var item) && item.Anchor is { } a
        && (a == anchor || a.StartsWith(anchor + "-", StringComparison.Ordinal)));

    public ConsultationItem? ItemAt(string anchor) => Items.FirstOrDefault(i => i.Anchor == anchor);

    private Dictionary<long, ConsultationItem> ItemsById => field ??= Items.ToDictionary(i => i.Id);

    public ConsultationStatus Status => ConsultationStatuses.Of(Header.Published, Header.ClosedOn is not null, Header.Opens,
        DateOnly.Parse(Header.ClosesOn), Today, Counted.All(c => c.Verdict is not null));

    public DateOnly AnswersDue => AnswerDeadline.Due(Header.LastDay, Options.AnswerWorkingDays, Calendar);

    public bool IsAnswerLate(CommentRow comment) =>
        Status is ConsultationStatus.Closed or ConsultationStatus.Answered
        && AnswerDeadline.IsLate(AnswersDue, comment.AnsweredOn is { } on ? DateOnly.Parse(on) : null, Today);

    public int DaysLeft => Math.Max(0, DateOnly.Parse(Header.ClosesOn).DayNumber - Today.DayNumber);
}

public static class ConsultationSheets
{
    /// <summary>The header columns; a draft's text (up to 500,000 characters) only when one consultation is read.</summary>
    private static string Headers(bool withDraft) => $"""
        select c.id, c.agency_id, a.code agency_code, a.name agency_name, c.subject, c.legal_document_id, d.number document_number,
            c.plan_id, p.title plan_title, c.regulation_id, r.code regulation_code, c.title, c.summary, c.opens_on, c.closes_on,
            c.published, c.closed_on, c.version, c.previous_id, {(withDraft ? "c.draft_text" : "''")} draft_text,
            (select min(n.id) from consultation n where n.previous_id = c.id and (n.published = true or @SeesAll or n.agency_id = @OwnAgency)) next_id
        from consultation c join agency a on a.id = c.agency_id
        left join legal_document d on d.id = c.legal_document_id
        left join plan p on p.id = c.plan_id
        left join regulation r on r.id = c.regulation_id
        """;

    /// <summary>Unpublished consultations are seen by their agency's staff, reviewers and administrators only.</summary>
    public const string Visible = "(c.published = true or @SeesAll or c.agency_id = @OwnAgency)";

    public static Task<IReadOnlyList<ConsultationSheet>> LoadAsync(Db db, CurrentUser user, TimeProvider clock, ConsultationOptions options,
        string where, object? parameters, CancellationToken cancellationToken) => LoadAsync(db, user, clock, options, where, parameters, withDraft: false, cancellationToken);

    private static async Task<IReadOnlyList<ConsultationSheet>> LoadAsync(Db db, CurrentUser user, TimeProvider clock, ConsultationOptions options,
        string where, object? parameters, bool withDraft, CancellationToken cancellationToken)
    {
        var headers = (await db.Connection.QueryAsync<ConsultationHeader>(db.Command(
            $"{Headers(withDraft)} where {Visible} and {where} order by c.closes_on desc, c.id desc",
            user.Visibility.With(parameters ?? new { }), cancellationToken))).ToList();
        if (headers.Count == 0)
        {
            return [];
        }
        var ids = headers.Select(h => h.Id).ToList();
        var items = (await db.Connection.QueryAsync<ConsultationItem>(db.Command(
            $"""
            select i.id, i.consultation_id, i.position, i.regulation_id, r.code regulation_code, i.label, i.anchor
            from consultation_item i left join regulation r on r.id = i.regulation_id
            where i.consultation_id {db.Storage.In("@ids")} order by i.position
            """, new { ids }, cancellationToken))).ToLookup(i => i.ConsultationId);
        var comments = (await db.Connection.QueryAsync<CommentRow>(db.Command(
            $"""
            select m.id, m.consultation_id, m.item_id, m.user_id, u.display_name author_name, m.respondent_kind, m.stance, m.body, m.body_key, m.repeat_of,
                m.attachment_id, t.original_name attachment_name, t.size attachment_size, m.created_at, m.hidden_at, m.hidden_reason, m.withdrawn_at,
                n.verdict, n.explanation, n.answered_on, g.satisfied, g.remark,
                (select count(*) from comment_report cr where cr.comment_id = m.id) reports
            from comment m join app_user u on u.id = m.user_id
            left join attachment t on t.id = m.attachment_id
            left join answer n on n.comment_id = m.id
            left join rating g on g.comment_id = m.id
            where m.consultation_id {db.Storage.In("@ids")} order by m.id
            """, new { ids }, cancellationToken))).ToLookup(c => c.ConsultationId);
        var today = clock.Today();
        var calendar = await WorkingCalendars.LoadAsync(db, cancellationToken);
        return headers.Select(h => new ConsultationSheet(h, items[h.Id].ToList(), comments[h.Id].ToList(), today, options, calendar)).ToList();
    }

    public static async Task<ConsultationSheet?> LoadAsync(Db db, CurrentUser user, TimeProvider clock, ConsultationOptions options, long id,
        CancellationToken cancellationToken) =>
        (await LoadAsync(db, user, clock, options, "c.id = @id", new { id }, withDraft: true, cancellationToken)).SingleOrDefault();
}
