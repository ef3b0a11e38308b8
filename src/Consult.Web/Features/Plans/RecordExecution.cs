using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>
/// The agency records the document that carries out one item. The regulation follows: repealed when abolished,
/// otherwise the amending document joins its legal basis; its cost estimate becomes the item's cost after.
/// </summary>
public static class RecordExecution
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }
        public long ItemId { get; init; }

        [Display(Name = "Số hiệu văn bản thực thi")]
        [Required(ErrorMessage = "Nhập số hiệu văn bản đã ban hành.")]
        public string DocumentNumber { get; init; } = "";

        [Display(Name = "Ngày ban hành")]
        [Required(ErrorMessage = "Nhập ngày ban hành văn bản.")]
        public string IssuedOn { get; init; } = "";

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, plans: [PlanId]);
    }

    public sealed class Handler(Db db, PlanStore plans, RegulationReader reader, RegulationWriter writer, CostEstimateStore costs) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanRecordExecution,
                "Chỉ ghi nhận thực thi cho phương án đã được phê duyệt.", cancellationToken);
            var item = await db.Connection.QuerySingleOrDefaultAsync<PlanItemRow>(db.Command(
                """
                select i.id, i.plan_id, i.regulation_id, r.code, r.title, r.kind, i.action, i.cost_after, i.executed_by
                from plan_item i join regulation r on r.id = i.regulation_id where i.id = @ItemId and i.plan_id = @PlanId
                """, request, cancellationToken)) ?? throw new UserInputException("", "Mục này không có trong phương án.");
            if (item.ExecutedBy is not null)
            {
                throw new UserInputException("", $"Mục {item.Code} đã được ghi nhận thực thi bằng văn bản {item.ExecutedBy}.");
            }
            var number = VietnameseFolding.Compose(request.DocumentNumber).Trim();
            var errors = new List<(string, string)>();
            if (!Domain.Text.DocumentNumber.IsValid(number))
            {
                errors.Add((nameof(Command.DocumentNumber), $"\"{number}\" không phải số hiệu văn bản."));
            }
            if (!IsoDate.TryRead(request.IssuedOn, out var issued))
            {
                errors.Add((nameof(Command.IssuedOn), IsoDate.Invalid(request.IssuedOn)));
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            await db.Connection.ExecuteAsync(db.Command("update plan_item set executed_by = @number, executed_on = @issued where id = @ItemId",
                new { request.ItemId, number, issued = issued.ToString("yyyy-MM-dd") }, cancellationToken));
            var current = await reader.CurrentAsync(item.Code, cancellationToken) ?? throw new UserInputException("", $"Không có quy định mã {item.Code}.");
            var row = current.Snapshot.ToRow();
            row = item.ActionValue == PlanAction.Abolish
                ? row with { Status = RegulationStatus.Repealed }
                : row with { LegalBasis = [.. row.LegalBasis, new Domain.Import.LegalBasisItem(number, null)] };
            await writer.SaveAsync(row, $"plan:{plan.Id}", cancellationToken, action: item.ActionValue == PlanAction.Abolish ? "repeal" : "update");
            await costs.SaveAsync(item.RegulationId, issued.Year, item.CostAfter, cancellationToken);

            var (items, executed) = await db.Connection.QuerySingleAsync<(int, int)>(db.Command(
                "select count(*), count(executed_by) from plan_item where plan_id = @PlanId", request, cancellationToken));
            await plans.StepAsync(plan, "execute", $"{item.Code}: {number} ngày {issued:dd/MM/yyyy}", PlanStatuses.AfterExecution(items, executed), cancellationToken);
            return Unit.Value;
        }
    }
}
