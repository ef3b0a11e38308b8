using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// The Advisory Council for administrative-procedure reform: its members publish signed, independent opinions on plans
/// and drafts under consultation, shown beside the agency's answers and in the consultation report.
/// </summary>
public static class CouncilOpinions
{
    public const string Signature = "Thành viên Hội đồng tư vấn cải cách thủ tục hành chính";

    public sealed record Opinion(long Id, string SignedAs, string Body, long? AttachmentId, DateTimeOffset PublishedAt, string? HiddenReason)
    {
        public bool IsHidden => HiddenReason is not null;
    }

    public sealed record Query(long ConsultationId) : IRequest<IReadOnlyList<Opinion>>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, IReadOnlyList<Opinion>>
    {
        public async Task<IReadOnlyList<Opinion>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Opinion>(
                $"""
                select o.id, o.signed_as, o.body, o.attachment_id, o.published_at, o.hidden_reason
                from council_opinion o join consultation c on c.id = o.consultation_id
                where o.consultation_id = @ConsultationId and {ConsultationSheets.Visible} order by o.id
                """, user.Visibility.With(request), db.Transaction)).ToList();
    }

    public sealed record Publish : IRequest<long>, ICommand
    {
        public long ConsultationId { get; init; }

        [Display(Name = "Ý kiến của Hội đồng tư vấn")]
        [Required(ErrorMessage = "Nhập nội dung ý kiến.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Ý kiến dài quá 10.000 ký tự.")]
        public string? Body { get; init; }

        [Display(Name = "Tệp đính kèm (PDF hoặc DOCX, tối đa 10 MB)")]
        public IFormFile? Attachment { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Advisor);
    }

    public sealed class PublishHandler(Db db, CurrentUser user, AttachmentStore attachments, Notifier notifier, AuditLog audit, TimeProvider clock)
        : IRequestHandler<Publish, long>
    {
        public async Task<long> Handle(Publish request, CancellationToken cancellationToken)
        {
            var consultation = await db.Connection.QuerySingleOrDefaultAsync<(string Subject, long AgencyId, string Title)?>(
                "select subject, agency_id, title from consultation where id = @ConsultationId and published = true", request, db.Transaction)
                ?? throw new UserInputException("", "Không có đợt lấy ý kiến này.");
            if (consultation.Subject == "regulation")
            {
                throw new UserInputException("", "Hội đồng tư vấn cho ý kiến về phương án cắt giảm, đơn giản hóa và dự thảo văn bản.");
            }
            var body = CommentText.Clean(request.Body);
            var errors = new List<(string, string)>();
            if (CommentText.Key(body).Length == 0)
            {
                errors.Add((nameof(Publish.Body), "Nội dung ý kiến cần có chữ."));
            }
            var type = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Publish.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            long? attachmentId = type is { } recognised ? await attachments.KeepAsync(db, request.Attachment!, recognised, cancellationToken) : null;
            var id = await db.Connection.ExecuteScalarAsync<long>(
                """
                insert into council_opinion (consultation_id, user_id, signed_as, body, attachment_id, published_at)
                values (@ConsultationId, @userId, @signedAs, @body, @attachmentId, @now) returning id
                """, new { request.ConsultationId, userId = user.Id, signedAs = $"{user.DisplayName}, {Signature}", body, attachmentId, now = clock.GetUtcNow() }, db.Transaction);
            notifier.NotifyFollowers("f.target = 'consultation' and f.target_id = @ConsultationId", new { request.ConsultationId },
                $"Hội đồng tư vấn có ý kiến: {consultation.Title}", ConsultationLinks.Opinion(request.ConsultationId, id));
            audit.Record(new AuditEntry("opinion", "consultation", request.ConsultationId.ToString(), consultation.Title) { AgencyId = (int)consultation.AgencyId });
            return id;
        }
    }

    /// <summary>Moderators hide an opinion with a public reason, as they hide comments.</summary>
    public sealed record Hide : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string? Reason { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class HideHandler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Hide, Unit>
    {
        public async Task<Unit> Handle(Hide request, CancellationToken cancellationToken)
        {
            var hidden = await db.Connection.ExecuteAsync(
                "update council_opinion set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason where id = @Id and hidden_at is null",
                new { request.Id, now = clock.GetUtcNow(), userId = user.Id, reason = request.Reason!.Trim() }, db.Transaction);
            if (hidden == 0)
            {
                throw new UserInputException("", "Ý kiến không còn hoặc đã được ẩn.");
            }
            audit.Record(new AuditEntry("hide", "council_opinion", request.Id.ToString(), request.Reason!.Trim()));
            return Unit.Value;
        }
    }
}
