using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>Administrators keep the national hourly income per year, with its source.</summary>
public static class SaveHourlyIncome
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        [Display(Name = "Năm")]
        [Required(ErrorMessage = "Nhập năm.")]
        [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")]
        public int? Year { get; init; }

        [Display(Name = "Thu nhập bình quân một giờ (đồng)")]
        [Required(ErrorMessage = "Nhập số tiền.")]
        public string? Amount { get; init; }

        [Display(Name = "Nguồn số liệu")]
        [Required(ErrorMessage = "Nêu nguồn số liệu (ví dụ Cục Thống kê, năm, cách quy đổi).")]
        [StringLength(500, ErrorMessage = "Nguồn dài quá 500 ký tự.")]
        public string Source { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed record ListQuery : IRequest<IReadOnlyList<HourlyIncomes.Row>>;

    public sealed class Handler(Db db, AuditLog audit, TimeProvider clock) :
        IRequestHandler<Command, Unit>, IRequestHandler<ListQuery, IReadOnlyList<HourlyIncomes.Row>>
    {
        public async Task<IReadOnlyList<HourlyIncomes.Row>> Handle(ListQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<HourlyIncomes.Row>(db.Command("select year, amount, source from hourly_income order by year desc", null, cancellationToken))).ToList();

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!VietnameseNumbers.TryRead(request.Amount, out var amount) || amount <= 0 || amount > StandardCostModel.MaxHourlyIncome)
            {
                throw new UserInputException(nameof(Command.Amount), $"\"{request.Amount}\" không phải số tiền hợp lệ (lớn hơn 0, tính bằng đồng).");
            }
            await db.Connection.ExecuteAsync(db.Command(
                """
                insert into hourly_income (year, amount, source, updated_at) values (@Year, @amount, @source, @now)
                on conflict (year) do update set amount = excluded.amount, source = excluded.source, updated_at = excluded.updated_at
                """, new { request.Year, amount = amount.ToString(CultureInfo.InvariantCulture), source = request.Source.Trim(), now = clock.GetUtcNow() }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("update", "hourly_income", request.Year.ToString()!, $"{VietnameseNumbers.Show(amount)} đồng/giờ; {request.Source}"), cancellationToken);
            return Unit.Value;
        }
    }
}
