using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>A moderator hides abusive feedback with a public reason; it stays in the record and needs no answer.</summary>
public static class HideFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn phản ánh; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var reason = request.Reason.Trim();
            var hidden = await db.Connection.ExecuteAsync(db.Command(
                "update feedback set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason, version = version + 1 where id = @Id and hidden_at is null",
                new { request.Id, now = clock.GetUtcNow(), userId = user.Id, reason }, cancellationToken));
            if (hidden == 0)
            {
                throw new UserInputException("", "Phản ánh không còn hoặc đã được ẩn.");
            }
            await db.Connection.ExecuteAsync(db.Command(FeedbackStore.EventSql, FeedbackStore.Event(request.Id, "hide", null, null, reason, clock, user.Id), cancellationToken));
            await audit.RecordAsync(new AuditEntry("hide", FeedbackStore.AuditEntity, request.Id.ToString(), reason), cancellationToken);
            return Unit.Value;
        }
    }
}
