using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

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
            var consultationId = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                "select consultation_id from comment where id = @CommentId and withdrawn_at is null and hidden_at is null", request, cancellationToken))
                ?? throw new UserInputException("", "Ý kiến không còn, đã được rút hoặc đã bị ẩn.");
            var sheet = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, consultationId, cancellationToken);
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
            await db.Connection.ExecuteAsync(db.Command("update comment set withdrawn_at = @now where id = @CommentId", new { request.CommentId, now = clock.GetUtcNow() }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("withdraw", "comment", request.CommentId.ToString(), "Người gửi rút ý kiến"), cancellationToken);
            return consultationId;
        }
    }
}
