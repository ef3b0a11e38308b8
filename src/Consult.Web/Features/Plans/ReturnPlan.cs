using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>A reviewer of the Prime Minister's office returns a submitted plan with reasons.</summary>
public static class ReturnPlan
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }

        [Display(Name = "Lý do trả lại")]
        [Required(ErrorMessage = "Nêu lý do trả lại để cơ quan hoàn thiện.")]
        [StringLength(5_000, ErrorMessage = "Lý do dài quá 5.000 ký tự.")]
        public string Reason { get; init; } = "";

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanReview, "Chỉ trả lại được phương án đang trình.", cancellationToken);
            await db.Connection.ExecuteAsync(db.Command("update plan set return_reason = @reason where id = @PlanId",
                new { request.PlanId, reason = request.Reason.Trim() }, cancellationToken));
            await plans.StepAsync(plan, "return", request.Reason.Trim(), PlanStatus.Returned, cancellationToken);
            return Unit.Value;
        }
    }
}
