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

/// <summary>A member of the Advisory Council publishes a signed opinion on a consultation.</summary>
public static class PublishCouncilOpinion
{
    public sealed record Command : IRequest<long>, ICommand
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

    public sealed class Handler(Db db, CurrentUser user, AttachmentStore attachments, Notifier notifier, AuditLog audit, TimeProvider clock)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var consultation = await db.Connection.QuerySingleOrDefaultAsync<(string Subject, long AgencyId, string Title)?>(db.Command(
                "select subject, agency_id, title from consultation where id = @ConsultationId and published = true", request, cancellationToken))
                ?? throw new UserInputException("", "Không có đợt lấy ý kiến này.");
            if (consultation.Subject == "regulation")
            {
                throw new UserInputException("", "Hội đồng tư vấn cho ý kiến về phương án cắt giảm, đơn giản hóa và dự thảo văn bản.");
            }
            var body = CommentText.Clean(request.Body);
            var errors = new List<(string, string)>();
            if (CommentText.Key(body).Length == 0)
            {
                errors.Add((nameof(Command.Body), "Nội dung ý kiến cần có chữ."));
            }
            var attachment = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Command.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            long? attachmentId = attachment is { } upload ? await attachments.KeepAsync(db, upload.Upload, upload.Type, cancellationToken) : null;
            var id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                """
                insert into council_opinion (consultation_id, user_id, signed_as, body, attachment_id, published_at)
                values (@ConsultationId, @userId, @signedAs, @body, @attachmentId, @now) returning id
                """, new { request.ConsultationId, userId = user.Id, signedAs = $"{user.DisplayName}, {CouncilOpinions.Signature}", body, attachmentId, now = clock.GetUtcNow() }, cancellationToken));
            await notifier.NotifyFollowersAsync("f.target = 'consultation' and f.target_id = @ConsultationId", new { request.ConsultationId },
                $"Hội đồng tư vấn có ý kiến: {consultation.Title}", ConsultationLinks.Opinion(request.ConsultationId, id), cancellationToken);
            await audit.RecordAsync(new AuditEntry("opinion", "consultation", request.ConsultationId.ToString(), consultation.Title) { AgencyId = (int)consultation.AgencyId }, cancellationToken);
            return id;
        }
    }
}
