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

public static class HideComment
{
    public sealed record Command : IRequest<long>, ICommand
    {
        public long CommentId { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn ý kiến; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var consultationId = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                "update comment set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason where id = @CommentId and hidden_at is null returning consultation_id",
                new { request.CommentId, now = clock.GetUtcNow(), userId = user.Id, reason = request.Reason.Trim() }, cancellationToken))
                ?? throw new UserInputException("", "Ý kiến không còn hoặc đã được ẩn.");
            await audit.RecordAsync(new AuditEntry("hide", "comment", request.CommentId.ToString(), request.Reason.Trim()), cancellationToken);
            return consultationId;
        }
    }
}
