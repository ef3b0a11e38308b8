using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>Takes an item out of a draft or returned plan.</summary>
public static class RemovePlanItem
{
    public sealed record Command(long PlanId, long ItemId, int ExpectedVersion, bool Confirmed = false) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.AgencyWork(Roles.Editor, plans: [PlanId]);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.IsEditable,
                "Phương án đã trình hoặc đã được phê duyệt: không bỏ mục được nữa.", cancellationToken);
            var code = await db.Connection.ExecuteScalarAsync<string?>(db.Command(
                "select r.code from plan_item i join regulation r on r.id = i.regulation_id where i.id = @ItemId and i.plan_id = @PlanId", request, cancellationToken))
                ?? throw new UserInputException("", "Mục này không còn trong phương án.");
            if (!request.Confirmed)
            {
                throw new ConfirmationRequiredException($"Bỏ quy định {code} khỏi phương án?",
                [
                    $"Mục của quy định {code} — hành động đề xuất, lý do, văn bản cần sửa và chi phí sau khi đơn giản hóa — bị xóa khỏi dự thảo.",
                    "Muốn đưa lại phải nhập lại mục từ đầu; nhật ký vẫn ghi việc bỏ mục.",
                ], "Bỏ khỏi phương án", PlanLinks.Items(request.PlanId));
            }
            await db.Connection.ExecuteAsync(db.Command(
                "delete from plan_item_document where item_id = @ItemId; delete from plan_item where id = @ItemId", request, cancellationToken));
            await plans.StepAsync(plan, "remove-item", code, null, cancellationToken);
            return Unit.Value;
        }
    }
}
