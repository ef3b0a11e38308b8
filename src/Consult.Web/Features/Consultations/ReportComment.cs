using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>Anyone signed in may report a comment as abusive, once; moderators see the reports.</summary>
public static class ReportComment
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long CommentId { get; init; }

        [Display(Name = "Lý do báo cáo")]
        [Required(ErrorMessage = "Nêu lý do báo cáo vi phạm.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await db.Connection.ExecuteAsync(db.Command(
                "insert into comment_report (comment_id, user_id, reason, created_at) select id, @userId, @reason, @now from comment where id = @CommentId on conflict do nothing",
                new { request.CommentId, userId = user.Id, reason = request.Reason.Trim(), now = clock.GetUtcNow() }, cancellationToken));
            return Unit.Value;
        }
    }
}
