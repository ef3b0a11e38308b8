using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>The author says, once, whether the answer satisfied them.</summary>
public static class RateFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Bạn có hài lòng với câu trả lời?")]
        [Required(ErrorMessage = "Chọn hài lòng hoặc không hài lòng.")]
        public bool? Satisfied { get; init; }

        [Display(Name = "Nhận xét (không bắt buộc)")]
        [StringLength(2_000, ErrorMessage = "Nhận xét dài quá 2.000 ký tự.")]
        public string? Remark { get; init; }

        public Permission Permission => Permission.AuthorOfFeedback(Id);
    }

    public sealed class Handler(Db db, AuditLog audit, TimeProvider clock, CurrentUser user) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rated = await db.Connection.ExecuteAsync(db.Command(
                """
                update feedback set satisfied = @Satisfied, rating_remark = @remark, rated_at = @now, version = version + 1
                where id = @Id and answer is not null and satisfied is null
                """, new { request.Id, request.Satisfied, remark = request.Remark?.Trim() ?? "", now = clock.GetUtcNow() }, cancellationToken));
            if (rated == 0)
            {
                throw new UserInputException("", "Phản ánh chưa được trả lời, hoặc bạn đã đánh giá câu trả lời.");
            }
            var verdict = request.Satisfied == true ? "Hài lòng" : "Không hài lòng";
            await db.Connection.ExecuteAsync(db.Command(FeedbackStore.EventSql, FeedbackStore.Event(request.Id, "rate", null, null, verdict, clock, user.Id), cancellationToken));
            await audit.RecordAsync(new AuditEntry("rate", FeedbackStore.AuditEntity, request.Id.ToString(), verdict), cancellationToken);
            return Unit.Value;
        }
    }
}
