using System.ComponentModel.DataAnnotations;
using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Features.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Feedback;

/// <summary>
/// A business, association or citizen files feedback on a regulation in force: the problem, the proposal, an optional
/// attachment. A provincial office files for its province's businesses. It goes to the agency owning the regulation.
/// </summary>
public static class FileFeedback
{
    public sealed record Command : IRequest<long>, ICommand
    {
        [Display(Name = "Quy định (mã thủ tục hoặc mã quy định)")]
        [Required(ErrorMessage = "Nhập mã quy định được phản ánh.")]
        public string Regulation { get; init; } = "";

        [Display(Name = "Vướng mắc, bất cập")]
        [Required(ErrorMessage = "Nêu vướng mắc, bất cập khi thực hiện quy định.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Nội dung phản ánh dài quá 10.000 ký tự.")]
        public string? Problem { get; init; }

        [Display(Name = "Kiến nghị, đề xuất")]
        [Required(ErrorMessage = "Nêu kiến nghị, đề xuất sửa đổi.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Kiến nghị dài quá 10.000 ký tự.")]
        public string? Proposal { get; init; }

        [Display(Name = "Tệp đính kèm (PDF hoặc DOCX, tối đa 10 MB)")]
        public IFormFile? Attachment { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, AttachmentStore attachments, FeedbackNotices notices, AuditLog audit, TimeProvider clock, IOptions<FeedbackOptions> options)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            if (user.IsStaff)
            {
                throw new UserInputException("", "Tài khoản cán bộ của bộ, ngành không gửi phản ánh, kiến nghị; hãy dùng tài khoản doanh nghiệp, hiệp hội hoặc cá nhân.");
            }
            var errors = new List<(string, string)>();
            var regulation = await db.Connection.QuerySingleOrDefaultAsync<(long Id, int AgencyId, string Status, bool Published)?>(db.Command(
                "select id, agency_id, status, published from regulation where code_key = @key",
                new { key = RegulationCode.Key(request.Regulation) }, cancellationToken));
            if (regulation is not { Published: true } r)
            {
                errors.Add((nameof(Command.Regulation), $"Không có quy định mã \"{request.Regulation.Trim()}\" được công khai."));
            }
            else if (r.Status != "in_force")
            {
                errors.Add((nameof(Command.Regulation), "Chỉ phản ánh, kiến nghị về quy định đang có hiệu lực; dự thảo thì góp ý trong đợt lấy ý kiến."));
            }
            var problem = CommentText.Clean(request.Problem);
            var proposal = CommentText.Clean(request.Proposal);
            if (CommentText.Key(problem).Length == 0)
            {
                errors.Add((nameof(Command.Problem), "Nội dung phản ánh cần có chữ."));
            }
            if (CommentText.Key(proposal).Length == 0)
            {
                errors.Add((nameof(Command.Proposal), "Kiến nghị cần có chữ."));
            }
            else if (regulation is { } known && (await db.Connection.QueryAsync<string>(db.Command(
                    "select problem from feedback where user_id = @userId and regulation_id = @Id and answer is null",
                    new { userId = user.Id, known.Id }, cancellationToken))).Any(p => CommentText.Similarity(CommentText.Key(p), CommentText.Key(problem)) >= CommentText.RepeatThreshold))
            {
                errors.Add((nameof(Command.Problem), "Bạn đã gửi phản ánh này về quy định và đang chờ trả lời; không gửi lặp lại."));
            }
            var attachment = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Command.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            var today = clock.Today();
            long? attachmentId = attachment is { } upload ? await attachments.KeepAsync(db, upload.Upload, upload.Type, cancellationToken) : null;
            var id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                """
                insert into feedback (regulation_id, agency_id, user_id, respondent_kind, province_code, problem, proposal, attachment_id, filed_on, filed_at, answer_due)
                select @regulationId, @agencyId, u.id, u.user_kind, @province, @problem, @proposal, @attachmentId, @today, @now, @due from app_user u where u.id = @userId
                returning id
                """,
                new
                {
                    regulationId = regulation!.Value.Id, agencyId = regulation.Value.AgencyId, province = user.ProvinceCode, problem, proposal, attachmentId,
                    today = today.ToString(IsoDate.Pattern), now = clock.GetUtcNow(), userId = user.Id,
                    due = (await FeedbackRecords.DueAsync(db, today, options.Value.AnswerWorkingDays, cancellationToken)).ToString(IsoDate.Pattern),
                }, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command(FeedbackStore.EventSql, FeedbackStore.Event(id, "filed", null, regulation.Value.AgencyId, "", clock, user.Id), cancellationToken));
            await notices.ToFollowersAsync((await FeedbackRecords.OneAsync(db, user, id, cancellationToken))!, "Phản ánh, kiến nghị mới", cancellationToken);
            await audit.RecordAsync(new AuditEntry("file", FeedbackStore.AuditEntity, id.ToString(), request.Regulation.Trim()) { AgencyId = regulation.Value.AgencyId }, cancellationToken);
            return id;
        }
    }
}
