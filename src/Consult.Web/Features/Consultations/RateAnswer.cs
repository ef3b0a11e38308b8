using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>The author of a comment says, once, whether the answer satisfied them.</summary>
public static class RateAnswer
{
    public sealed record Command : IRequest<long>, ICommand
    {
        public long CommentId { get; init; }

        [Display(Name = "Bạn có hài lòng với giải trình?")]
        [Required(ErrorMessage = "Chọn hài lòng hoặc không hài lòng.")]
        public bool? Satisfied { get; init; }

        [Display(Name = "Nhận xét (không bắt buộc)")]
        [StringLength(2_000, ErrorMessage = "Nhận xét dài quá 2.000 ký tự.")]
        public string? Remark { get; init; }

        public Permission Permission => Permission.AuthorOf(CommentId);
    }

    public sealed class Handler(Db db, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var found = await db.Connection.QuerySingleOrDefaultAsync<(long ConsultationId, bool Answered, bool Rated)?>(db.Command(
                """
                select m.consultation_id, exists (select 1 from answer where comment_id = m.id), exists (select 1 from rating where comment_id = m.id)
                from comment m where m.id = @CommentId
                """, request, cancellationToken)) ?? throw new UserInputException("", "Không có ý kiến này.");
            if (!found.Answered)
            {
                throw new UserInputException("", "Ý kiến chưa được giải trình.");
            }
            if (found.Rated)
            {
                throw new UserInputException("", "Bạn đã đánh giá giải trình này.");
            }
            await db.Connection.ExecuteAsync(db.Command("insert into rating (comment_id, satisfied, remark, rated_at) values (@CommentId, @Satisfied, @remark, @now)",
                new { request.CommentId, request.Satisfied, remark = request.Remark?.Trim() ?? "", now = clock.GetUtcNow() }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("rate", "comment", request.CommentId.ToString(), request.Satisfied == true ? "Hài lòng" : "Không hài lòng"), cancellationToken);
            return found.ConsultationId;
        }
    }
}
