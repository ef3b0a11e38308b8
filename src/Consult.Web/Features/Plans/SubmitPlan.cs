using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>The agency lead submits a draft or returned plan to the Prime Minister's office.</summary>
public static class SubmitPlan
{
    public sealed record Command(long PlanId, int ExpectedVersion, bool Confirmed = false) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.AgencyWork(Roles.Lead, plans: [PlanId]);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanSubmit,
                "Chỉ trình được phương án dự thảo hoặc đã được trả lại.", cancellationToken);
            var items = await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from plan_item where plan_id = @PlanId", request, cancellationToken));
            if (items == 0)
            {
                throw new UserInputException("", "Phương án chưa có quy định nào; hãy thêm ít nhất một mục trước khi trình.");
            }
            if (!request.Confirmed)
            {
                throw new ConfirmationRequiredException("Trình Thủ tướng Chính phủ phương án này?",
                [
                    $"Phương án với {items} quy định được gửi Văn phòng Chính phủ xem xét và trở thành công khai.",
                    "Cơ quan không sửa phương án được nữa, trừ khi người rà soát trả lại.",
                    "Ngày trình được ghi nhận và tính cho chỉ số trình đúng hạn.",
                ], "Trình Thủ tướng Chính phủ", PlanLinks.Details(request.PlanId));
            }
            await db.Connection.ExecuteAsync(db.Command(
                "update plan set submitted_on = @today, return_reason = null where id = @PlanId",
                new { request.PlanId, today = plans.Today.ToString("yyyy-MM-dd") }, cancellationToken));
            await plans.StepAsync(plan, "submit", "Trình Thủ tướng Chính phủ", PlanStatus.Submitted, cancellationToken);
            return Unit.Value;
        }
    }
}
