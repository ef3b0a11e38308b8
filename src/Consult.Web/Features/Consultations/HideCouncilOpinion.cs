using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>Moderators hide a council opinion with a public reason, as they hide comments.</summary>
public static class HideCouncilOpinion
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var hidden = await db.Connection.ExecuteAsync(db.Command(
                "update council_opinion set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason where id = @Id and hidden_at is null",
                new { request.Id, now = clock.GetUtcNow(), userId = user.Id, reason = request.Reason.Trim() }, cancellationToken));
            if (hidden == 0)
            {
                throw new UserInputException("", "Ý kiến không còn hoặc đã được ẩn.");
            }
            await audit.RecordAsync(new AuditEntry("hide", "council_opinion", request.Id.ToString(), request.Reason.Trim()), cancellationToken);
            return Unit.Value;
        }
    }
}
