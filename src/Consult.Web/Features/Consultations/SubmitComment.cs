using System.ComponentModel.DataAnnotations;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>A signed-in user comments on an open consultation, on the whole or on one item, with a stance.</summary>
public static class SubmitComment
{
    public static readonly IReadOnlyDictionary<string, string> Stances = new Dictionary<string, string>
    {
        ["support"] = "Ủng hộ",
        ["oppose"] = "Không ủng hộ",
        ["amend"] = "Góp ý sửa đổi",
    };

    public sealed record Command : IRequest<long>, ICommand
    {
        public long ConsultationId { get; init; }

        [Display(Name = "Góp ý về")]
        public long? ItemId { get; init; }

        [Display(Name = "Quan điểm")]
        [Required(ErrorMessage = "Chọn ủng hộ, không ủng hộ hoặc góp ý sửa đổi.")]
        public string? Stance { get; init; }

        [Display(Name = "Nội dung góp ý")]
        [Required(ErrorMessage = "Nhập nội dung góp ý.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Nội dung góp ý dài quá 10.000 ký tự.")]
        public string? Body { get; init; }

        [Display(Name = "Tệp đính kèm (PDF hoặc DOCX, tối đa 10 MB)")]
        public IFormFile? Attachment { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, AttachmentStore attachments, AuditLog audit, TimeProvider clock, IOptions<ConsultationOptions> options)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var sheet = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.ConsultationId, cancellationToken)
                ?? throw new UserInputException("", "Không có đợt lấy ý kiến này.");
            if (sheet.Status != ConsultationStatus.Open)
            {
                throw new UserInputException("", sheet.Status == ConsultationStatus.Upcoming
                    ? "Đợt lấy ý kiến chưa bắt đầu; bạn chưa gửi được góp ý."
                    : "Đợt lấy ý kiến đã kết thúc; không nhận thêm góp ý.");
            }
            if (user.AgencyId == sheet.Header.AgencyId)
            {
                throw new UserInputException("", "Cán bộ của cơ quan chủ trì không gửi góp ý vào đợt lấy ý kiến của cơ quan mình.");
            }
            var errors = new List<(string, string)>();
            if (request.ItemId is { } itemId && sheet.Items.All(i => i.Id != itemId))
            {
                errors.Add((nameof(Command.ItemId), "Chọn nội dung góp ý trong danh sách."));
            }
            if (request.Stance is null || !SubmitComment.Stances.ContainsKey(request.Stance))
            {
                errors.Add((nameof(Command.Stance), "Chọn ủng hộ, không ủng hộ hoặc góp ý sửa đổi."));
            }
            var body = CommentText.Clean(request.Body);
            var key = CommentText.Key(body);
            if (key.Length == 0)
            {
                errors.Add((nameof(Command.Body), "Nội dung góp ý cần có chữ."));
            }
            if (sheet.Comments.Any(c => c.UserId == user.Id && CommentText.Similarity(c.BodyKey, key) >= CommentText.RepeatThreshold))
            {
                errors.Add((nameof(Command.Body), "Bạn đã gửi góp ý này trong đợt lấy ý kiến; không gửi lặp lại."));
            }
            var attachment = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Command.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            long? attachmentId = attachment is { } upload ? await attachments.KeepAsync(db, upload.Upload, upload.Type, cancellationToken) : null;
            var repeatOf = sheet.Comments.FirstOrDefault(c => CommentText.Similarity(c.BodyKey, key) >= CommentText.RepeatThreshold)?.Id;
            var id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                """
                insert into comment (consultation_id, item_id, user_id, stance, respondent_kind, body, body_key, repeat_of, attachment_id, created_at)
                select @ConsultationId, @ItemId, u.id, @Stance, u.user_kind, @body, @key, @repeatOf, @attachmentId, @now from app_user u where u.id = @userId
                returning id
                """, new { request.ConsultationId, request.ItemId, request.Stance, body, key, repeatOf, attachmentId, now = clock.GetUtcNow(), userId = user.Id }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("comment", "comment", id.ToString(), sheet.Header.Title) { AgencyId = sheet.Header.AgencyId }, cancellationToken);
            return id;
        }
    }
}
