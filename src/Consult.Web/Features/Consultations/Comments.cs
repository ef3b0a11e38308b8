using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Attachments live in the attachment folder (in the data folder unless set), outside the web root, under names the portal chose.</summary>
public sealed class AttachmentStore(IOptions<StorageOptions> storage)
{
    private string Folder => storage.Value.AttachmentPath;

    public async Task<string> SaveAsync(Stream content, AttachmentType type, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = Guid.NewGuid().ToString("N") + AttachmentCheck.Extension(type);
        await using var file = File.Create(Path.Combine(Folder, name));
        await content.CopyToAsync(file, cancellationToken);
        return name;
    }

    public Stream Open(string storedName) => File.OpenRead(Path.Combine(Folder, Path.GetFileName(storedName)));

    /// <summary>What an upload is by its content (PDF or DOCX, at most 10 MB), or a Vietnamese message about why it is refused.</summary>
    public static async Task<(AttachmentType? Type, string? Problem)> CheckAsync(IFormFile upload, string what = "Tệp đính kèm")
    {
        if (upload.Length > AttachmentCheck.MaxBytes)
        {
            return (null, $"{what} lớn hơn 10 MB.");
        }
        await using var probe = upload.OpenReadStream();
        return AttachmentCheck.Recognise(probe) is { } type
            ? (type, null)
            : (null, $"{what}: chỉ nhận tệp PDF hoặc DOCX (kiểm tra theo nội dung tệp, không theo tên).");
    }

    /// <summary>Checks an upload a form may leave empty; a refusal joins <paramref name="errors"/> under the form's field.</summary>
    public static async Task<AttachmentType?> CheckOptionalAsync(IFormFile? upload, string field, List<(string, string)> errors)
    {
        if (upload is not { Length: > 0 })
        {
            return null;
        }
        var (type, problem) = await CheckAsync(upload);
        if (problem is not null)
        {
            errors.Add((field, problem));
        }
        return type;
    }

    /// <summary>Stores a checked upload and records it; the returned id serves it at <c>/attachments/{id}</c>.</summary>
    public async Task<long> KeepAsync(Db db, IFormFile upload, AttachmentType type, CancellationToken cancellationToken)
    {
        await using var content = upload.OpenReadStream();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var stored = await SaveAsync(content, type, cancellationToken);
        var original = Path.GetFileName(upload.FileName);
        return await db.Connection.ExecuteScalarAsync<long>(
            "insert into attachment (stored_name, original_name, content_type, size, sha256) values (@stored, @original, @contentType, @size, @hash) returning id",
            new { stored, original = original.Length > 200 ? original[..200] : original, contentType = AttachmentCheck.ContentType(type), size = upload.Length, hash },
            db.Transaction);
    }
}

/// <summary>
/// An attachment that may be served: a comment's that is not hidden, in a public consultation; a paper beside a
/// draft, to whoever may see its consultation (the agency's staff before it is published, as they prepare it); a
/// council opinion's or a feedback's that is not hidden, to whoever may see its consultation or regulation.
/// </summary>
public static class AttachmentFile
{
    public sealed record Result(string StoredName, string OriginalName, string ContentType);

    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Connection.QuerySingleOrDefaultAsync<Result?>(
                $"""
                select t.stored_name, t.original_name, t.content_type from attachment t
                where t.id = @Id and (
                    exists (select 1 from comment m join consultation c on c.id = m.consultation_id where m.attachment_id = t.id and m.hidden_at is null and c.published = true)
                    or exists (select 1 from consultation_document d join consultation c on c.id = d.consultation_id where d.attachment_id = t.id and {ConsultationSheets.Visible})
                    or exists (select 1 from council_opinion o join consultation c on c.id = o.consultation_id where o.attachment_id = t.id and o.hidden_at is null and {ConsultationSheets.Visible})
                    or exists (select 1 from feedback f join regulation r on r.id = f.regulation_id where f.attachment_id = t.id and f.hidden_at is null and {Visibility.Regulations}))
                """, user.Visibility.With(request), db.Transaction);
    }
}

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
            var sheet = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.ConsultationId)
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
            var type = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Command.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            long? attachmentId = type is { } recognised ? await attachments.KeepAsync(db, request.Attachment!, recognised, cancellationToken) : null;
            var repeatOf = sheet.Comments.FirstOrDefault(c => CommentText.Similarity(c.BodyKey, key) >= CommentText.RepeatThreshold)?.Id;
            var id = await db.Connection.ExecuteScalarAsync<long>(
                """
                insert into comment (consultation_id, item_id, user_id, stance, respondent_kind, body, body_key, repeat_of, attachment_id, created_at)
                select @ConsultationId, @ItemId, u.id, @Stance, u.user_kind, @body, @key, @repeatOf, @attachmentId, @now from app_user u where u.id = @userId
                returning id
                """, new { request.ConsultationId, request.ItemId, request.Stance, body, key, repeatOf, attachmentId, now = clock.GetUtcNow(), userId = user.Id }, db.Transaction);
            audit.Record(new AuditEntry("comment", "comment", id.ToString(), sheet.Header.Title) { AgencyId = sheet.Header.AgencyId });
            return id;
        }
    }
}

/// <summary>Anyone signed in may report a comment as abusive, once; moderators see the reports.</summary>
public static class ReportComment
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long CommentId { get; init; }

        [Display(Name = "Lý do báo cáo")]
        [Required(ErrorMessage = "Nêu lý do báo cáo vi phạm.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string? Reason { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await db.Connection.ExecuteAsync(
                "insert into comment_report (comment_id, user_id, reason, created_at) select id, @userId, @reason, @now from comment where id = @CommentId on conflict do nothing",
                new { request.CommentId, userId = user.Id, reason = request.Reason!.Trim(), now = clock.GetUtcNow() }, db.Transaction);
            return Unit.Value;
        }
    }
}

/// <summary>A moderator hides a comment with a public reason; it stays in the record and in the counts.</summary>
/// <summary>An author takes back their own comment while the window is open; it stays in the record as withdrawn.</summary>
public static class WithdrawComment
{
    public sealed record Command(long CommentId, bool Confirmed = false) : IRequest<long>, ICommand
    {
        public Permission Permission => Permission.AuthorOf(CommentId);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var consultationId = await db.Connection.ExecuteScalarAsync<long?>(
                "select consultation_id from comment where id = @CommentId and withdrawn_at is null and hidden_at is null", request, db.Transaction)
                ?? throw new UserInputException("", "Ý kiến không còn, đã được rút hoặc đã bị ẩn.");
            var sheet = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, consultationId);
            if (sheet?.Status != Domain.Consultations.ConsultationStatus.Open)
            {
                throw new UserInputException("", "Đợt lấy ý kiến đã kết thúc: ý kiến đã gửi không rút được nữa.");
            }
            if (!request.Confirmed)
            {
                throw new ConfirmationRequiredException("Rút ý kiến này?",
                [
                    "Ý kiến vẫn hiện trong danh sách, ghi rõ bạn đã rút, kèm ngày rút; nội dung không bị xóa.",
                    "Cơ quan chủ trì không phải giải trình ý kiến đã rút; ý kiến không được tính trong số ý kiến của đợt.",
                    "Không hoàn tác được; muốn góp ý lại, hãy gửi một ý kiến mới khi đợt còn mở.",
                ], "Rút ý kiến", ConsultationLinks.Comment(consultationId, request.CommentId));
            }
            await db.Connection.ExecuteAsync("update comment set withdrawn_at = @now where id = @CommentId", new { request.CommentId, now = clock.GetUtcNow() }, db.Transaction);
            audit.Record(new AuditEntry("withdraw", "comment", request.CommentId.ToString(), "Người gửi rút ý kiến"));
            return consultationId;
        }
    }
}

public static class HideComment
{
    public sealed record Command : IRequest<long>, ICommand
    {
        public long CommentId { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn ý kiến; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string? Reason { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var consultationId = await db.Connection.ExecuteScalarAsync<long?>(
                "update comment set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason where id = @CommentId and hidden_at is null returning consultation_id",
                new { request.CommentId, now = clock.GetUtcNow(), userId = user.Id, reason = request.Reason!.Trim() }, db.Transaction)
                ?? throw new UserInputException("", "Ý kiến không còn hoặc đã được ẩn.");
            audit.Record(new AuditEntry("hide", "comment", request.CommentId.ToString(), request.Reason!.Trim()));
            return consultationId;
        }
    }
}
