using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Plans;

/// <summary>A regulation's current compliance-cost estimate: its inputs and what they add up to.</summary>
public sealed record StoredEstimate(int Year, CostInputs Inputs, int Version, string? HourlyIncomeSource)
{
    public CostEstimate Estimate => StandardCostModel.Estimate(Inputs);

    public static async Task<StoredEstimate?> LoadAsync(Db db, long regulationId, CancellationToken cancellationToken)
    {
        var row = await db.Connection.QuerySingleOrDefaultAsync<(long Year, string Inputs, long Version)?>(db.Command(
            "select year, inputs, version from cost_estimate where regulation_id = @regulationId", new { regulationId }, cancellationToken));
        return row is { } r
            ? new StoredEstimate((int)r.Year, CostJson.Read(r.Inputs), (int)r.Version, (await HourlyIncomes.ForYearAsync(db, (int)r.Year, cancellationToken))?.Source)
            : null;
    }
}

/// <summary>Agency editors record the current estimate of one of their regulations.</summary>
public static class SaveCostEstimate
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public const string YearMissing = "Nhập năm của số liệu.";

        public string Code { get; init; } = "";

        [Display(Name = "Năm tính")]
        [Required(ErrorMessage = YearMissing)]
        [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")]
        public int? Year { get; init; }

        public CostForm Cost { get; init; } = new();

        /// <summary>The estimate's version the form showed; 0 when there was none.</summary>
        public int ExpectedVersion { get; init; }

        [BindNever] public string Title { get; init; } = "";

        public Permission Permission => Permission.AgencyWork(Roles.Editor, regulations: [Code]);
    }

    public sealed record Query(string Code) : IRequest<Command?>;

    public sealed class Handler(Db db, AuditLog audit, CurrentUser user, CostEstimateStore costs, TimeProvider clock) :
        IRequestHandler<Command, Unit>, IRequestHandler<Query, Command?>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            var regulation = await db.Connection.QuerySingleOrDefaultAsync<(long Id, string Code, string Title, long AgencyId)?>(db.Command(
                "select id, code, title, agency_id from regulation where code_key = @key", new { key = RegulationCode.Key(request.Code) }, cancellationToken));
            if (regulation is not { } r)
            {
                return null;
            }
            if (!user.Holds(Roles.Editor, (int)r.AgencyId))
            {
                throw new ForbiddenException("Quy định của cơ quan khác.");
            }
            var stored = await StoredEstimate.LoadAsync(db, r.Id, cancellationToken);
            return new Command
            {
                Code = r.Code,
                Title = r.Title,
                Year = stored?.Year ?? clock.GetUtcNow().Year,
                Cost = stored is null ? new CostForm() : CostForm.From(stored.Inputs),
                ExpectedVersion = stored?.Version ?? 0,
            };
        }

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var regulationId = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                "select id from regulation where code_key = @key", new { key = RegulationCode.Key(request.Code) }, cancellationToken))
                ?? throw new UserInputException("", $"Không có quy định mã {request.Code}.");
            // The form binds the year as optional so a missing one gets its message; a command sent straight to the
            // mediator skips the annotations, so it is checked here too.
            var year = request.Year ?? throw new UserInputException(nameof(Command.Year), Command.YearMissing);
            var income = await HourlyIncomes.ForYearAsync(db, year, cancellationToken);
            var (inputs, errors) = request.Cost.Read(income?.Value ?? 0, nameof(Command.Cost) + ".");
            if (income is null)
            {
                errors = [.. errors, (nameof(Command.Year), "Chưa có thu nhập bình quân một giờ để tính; quản trị hệ thống cần nhập tham số này.")];
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            var version = await db.Connection.ExecuteScalarAsync<long?>(db.Command("select version from cost_estimate where regulation_id = @regulationId", new { regulationId }, cancellationToken)) ?? 0;
            if (version != request.ExpectedVersion)
            {
                throw UserInputException.Stale("Ước tính chi phí", version, request.ExpectedVersion);
            }
            var json = CostJson.Write(inputs!);
            await costs.SaveAsync(regulationId, year, json, cancellationToken, user.Id);
            var estimate = StandardCostModel.Estimate(inputs!);
            await audit.RecordAsync(new AuditEntry(version == 0 ? "create" : "update", "cost", request.Code,
                $"{VietnameseNumbers.Show(estimate.AnnualCost)} đồng/năm, {VietnameseNumbers.Show(estimate.PersonDaysPerYear)} ngày công/năm")
            {
                AgencyId = await db.Connection.ExecuteScalarAsync<int>(db.Command("select agency_id from regulation where id = @regulationId", new { regulationId }, cancellationToken)),
                FromVersion = version == 0 ? null : (int)version,
                ToVersion = (int)version + 1,
            }, cancellationToken);
            return Unit.Value;
        }
    }
}
