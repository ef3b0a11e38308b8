using Consult.Domain.Text;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Statistics;

public sealed class StatisticsController(IMediator mediator, TimeProvider clock) : Controller
{
    /// <summary>Phụ lục 1 (III) as of a day (today unless asked), as a page or CSV.</summary>
    [HttpGet("reports/published")]
    public async Task<IActionResult> Published(string? asOf, string? format)
    {
        var day = clock.Today();
        if (!string.IsNullOrWhiteSpace(asOf) && !IsoDate.TryRead(asOf, out day))
        {
            throw new UserInputException(nameof(asOf), IsoDate.Invalid(asOf));
        }
        var report = await mediator.Send(new PublicationReport.Query(day));
        if (format != "csv")
        {
            return View("Publication", report);
        }
        return this.Csv(PublicationReport.Csv(report), $"cong-khai-quy-dinh_{day.ToString(IsoDate.Pattern)}.csv");
    }
}
