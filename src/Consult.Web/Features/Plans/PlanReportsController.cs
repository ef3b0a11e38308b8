using Consult.Domain.Text;
using Consult.Web.Infrastructure.Validation;
using Consult.Web.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

/// <summary>The government-table reports: plans approved and cuts executed, as pages and CSV.</summary>
public sealed class PlanReportsController(IMediator mediator) : Controller
{
    [HttpGet("reports/approved-plans")]
    public async Task<IActionResult> ApprovedPlans(string? format, string? from, string? to)
    {
        var range = ReportRange(from, to);
        var plans = await mediator.Send(new PlanReports.ApprovedQuery(range));
        if (format != "csv")
        {
            return View("ApprovedReport", new ReportPage<PlanSheet>(range, plans));
        }
        return this.Csv(PlanReports.ApprovedCsv(plans), $"phuong-an-da-phe-duyet_{range.FileSuffix}.csv");
    }

    [HttpGet("reports/executed-cuts")]
    public async Task<IActionResult> ExecutedCuts(string? format, string? from, string? to)
    {
        var range = ReportRange(from, to);
        var rows = await mediator.Send(new PlanReports.ExecutedQuery(range));
        if (format != "csv")
        {
            return View("ExecutedReport", new ReportPage<PlanReports.ExecutedRow>(range, rows));
        }
        return this.Csv(PlanReports.ExecutedCsv(rows), $"quy-dinh-da-cat-giam_{range.FileSuffix}.csv");
    }

    private static DateRange ReportRange(string? from, string? to)
    {
        var (range, error) = DateRange.Read(from, to);
        return range ?? throw new UserInputException("", error!);
    }
}
