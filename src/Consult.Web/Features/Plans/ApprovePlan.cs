using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>A reviewer records the Prime Minister's decision approving a submitted plan; its items are frozen from then on.</summary>
public static class ApprovePlan
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }

        [Display(Name = "Số quyết định")]
        [Required(ErrorMessage = "Nhập số quyết định phê duyệt, ví dụ 1977/QĐ-TTg.")]
        public string DecisionNumber { get; init; } = "";

        [Display(Name = "Ngày quyết định")]
        [Required(ErrorMessage = "Nhập ngày ký quyết định.")]
        public string DecisionDate { get; init; } = "";

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.CanReview, "Chỉ phê duyệt được phương án đang trình.", cancellationToken);
            var number = VietnameseFolding.Compose(request.DecisionNumber).Trim();
            var errors = new List<(string, string)>();
            if (!DocumentNumber.IsValid(number) || DocumentNumber.InferType(number) != LegalDocumentType.PrimeMinisterDecision)
            {
                errors.Add((nameof(Command.DecisionNumber), $"\"{number}\" không phải số quyết định của Thủ tướng (dạng 1977/QĐ-TTg)."));
            }
            if (!IsoDate.TryRead(request.DecisionDate, out var date))
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
            await db.Connection.ExecuteAsync(db.Command("update plan set decision_number = @number, decision_date = @date where id = @PlanId",
                new { request.PlanId, number, date = date.ToString("yyyy-MM-dd") }, cancellationToken));
            await plans.StepAsync(plan, "approve", $"Quyết định {number} ngày {date:dd/MM/yyyy}", PlanStatus.Approved, cancellationToken);
            return Unit.Value;
        }
    }
}
