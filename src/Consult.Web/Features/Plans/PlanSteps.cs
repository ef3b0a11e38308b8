using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
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
                "Chỉ trình được phương án dự thảo hoặc đã được trả lại.");
            var items = await db.Connection.ExecuteScalarAsync<int>("select count(*) from plan_item where plan_id = @PlanId", request, db.Transaction);
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
            await db.Connection.ExecuteAsync(
                "update plan set submitted_on = @today, return_reason = null where id = @PlanId",
                new { request.PlanId, today = plans.Today.ToString("yyyy-MM-dd") }, db.Transaction);
            await plans.StepAsync(plan, "submit", "Trình Thủ tướng Chính phủ", PlanStatus.Submitted);
            return Unit.Value;
        }
    }
}

/// <summary>A reviewer of the Prime Minister's office returns a submitted plan with reasons.</summary>
public static class ReturnPlan
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }

        [Display(Name = "Lý do trả lại")]
        [Required(ErrorMessage = "Nêu lý do trả lại để cơ quan hoàn thiện.")]
        [StringLength(5_000, ErrorMessage = "Lý do dài quá 5.000 ký tự.")]
        public string? Reason { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanReview, "Chỉ trả lại được phương án đang trình.");
            await db.Connection.ExecuteAsync("update plan set return_reason = @reason where id = @PlanId",
                new { request.PlanId, reason = request.Reason!.Trim() }, db.Transaction);
            await plans.StepAsync(plan, "return", request.Reason!.Trim(), PlanStatus.Returned);
            return Unit.Value;
        }
    }
}

/// <summary>A reviewer records the Prime Minister's decision approving a submitted plan; its items are frozen from then on.</summary>
public static class ApprovePlan
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }

        [Display(Name = "Số quyết định")]
        [Required(ErrorMessage = "Nhập số quyết định phê duyệt, ví dụ 1977/QĐ-TTg.")]
        public string? DecisionNumber { get; init; }

        [Display(Name = "Ngày quyết định")]
        [Required(ErrorMessage = "Nhập ngày ký quyết định.")]
        public string? DecisionDate { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanReview, "Chỉ phê duyệt được phương án đang trình.");
            var number = VietnameseFolding.Compose(request.DecisionNumber!).Trim();
            var errors = new List<(string, string)>();
            if (!DocumentNumber.IsValid(number) || DocumentNumber.InferType(number) != LegalDocumentType.PrimeMinisterDecision)
            {
                errors.Add((nameof(Command.DecisionNumber), $"\"{number}\" không phải số quyết định của Thủ tướng (dạng 1977/QĐ-TTg)."));
            }
            if (!IsoDate.TryRead(request.DecisionDate!, out var date))
            {
                errors.Add((nameof(Command.DecisionDate), IsoDate.Invalid(request.DecisionDate)));
            }
            else if (date > plans.Today)
            {
                errors.Add((nameof(Command.DecisionDate), "Ngày quyết định không được ở tương lai."));
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            await db.Connection.ExecuteAsync("update plan set decision_number = @number, decision_date = @date where id = @PlanId",
                new { request.PlanId, number, date = date.ToString("yyyy-MM-dd") }, db.Transaction);
            await plans.StepAsync(plan, "approve", $"Quyết định {number} ngày {date:dd/MM/yyyy}", PlanStatus.Approved);
            return Unit.Value;
        }
    }
}

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
        public string? DocumentNumber { get; init; }

        [Display(Name = "Ngày ban hành")]
        [Required(ErrorMessage = "Nhập ngày ban hành văn bản.")]
        public string? IssuedOn { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, plans: [PlanId]);
    }

    public sealed class Handler(Db db, PlanStore plans, RegulationReader reader, RegulationWriter writer, CostEstimateStore costs) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanRecordExecution,
                "Chỉ ghi nhận thực thi cho phương án đã được phê duyệt.");
            var item = await db.Connection.QuerySingleOrDefaultAsync<PlanItemRow>(
                """
                select i.id, i.plan_id, i.regulation_id, r.code, r.title, r.kind, i.action, i.cost_after, i.executed_by
                from plan_item i join regulation r on r.id = i.regulation_id where i.id = @ItemId and i.plan_id = @PlanId
                """, request, db.Transaction) ?? throw new UserInputException("", "Mục này không có trong phương án.");
            if (item.ExecutedBy is not null)
            {
                throw new UserInputException("", $"Mục {item.Code} đã được ghi nhận thực thi bằng văn bản {item.ExecutedBy}.");
            }
            var number = VietnameseFolding.Compose(request.DocumentNumber!).Trim();
            var errors = new List<(string, string)>();
            if (!Domain.Text.DocumentNumber.IsValid(number))
            {
                errors.Add((nameof(Command.DocumentNumber), $"\"{number}\" không phải số hiệu văn bản."));
            }
            if (!IsoDate.TryRead(request.IssuedOn!, out var issued))
            {
                errors.Add((nameof(Command.IssuedOn), IsoDate.Invalid(request.IssuedOn)));
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            await db.Connection.ExecuteAsync("update plan_item set executed_by = @number, executed_on = @issued where id = @ItemId",
                new { request.ItemId, number, issued = issued.ToString("yyyy-MM-dd") }, db.Transaction);
            var current = await reader.CurrentAsync(item.Code) ?? throw new UserInputException("", $"Không có quy định mã {item.Code}.");
            var row = current.Snapshot.ToRow();
            row = item.ActionValue == PlanAction.Abolish
                ? row with { Status = RegulationStatus.Repealed }
                : row with { LegalBasis = [.. row.LegalBasis, new Domain.Import.LegalBasisItem(number, null)] };
            writer.Save(row, $"plan:{plan.Id}", action: item.ActionValue == PlanAction.Abolish ? "repeal" : "update");
            await costs.SaveAsync(item.RegulationId, issued.Year, item.CostAfter);

            var (items, executed) = await db.Connection.QuerySingleAsync<(int, int)>(
                "select count(*), count(executed_by) from plan_item where plan_id = @PlanId", request, db.Transaction);
            await plans.StepAsync(plan, "execute", $"{item.Code}: {number} ngày {issued:dd/MM/yyyy}", PlanStatuses.AfterExecution(items, executed));
            return Unit.Value;
        }
    }
}
