using Consult.Web.Infrastructure.Validation;
using Consult.Web.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.EffortIndex;

public sealed class EffortIndexController(IMediator mediator) : Controller
{
    [HttpGet("effort-index")]
    public async Task<IActionResult> Index(string? period) =>
        await mediator.Send(new IndexRanking.Query(period)) is { } result ? View(result) : NotFound();

    [HttpGet("effort-index/{period}/{agency}")]
    public async Task<IActionResult> Agency(string period, string agency) =>
        await mediator.Send(new AgencyIndexScore.Query(period, agency)) is { } result ? View("Agency", result) : NotFound();

    [HttpGet("effort-index/{period}/{agency}/{indicator}/{part:regex(^(numerator|denominator)$)}")]
    public async Task<IActionResult> Evidence(string period, string agency, string indicator, string part, int page = 1) =>
        await mediator.Send(new IndicatorRecords.Query(period, agency, indicator, part == "numerator", page)) is { } result
            ? View("Evidence", result)
            : NotFound();

    [HttpGet("effort-index/methodology")]
    public async Task<IActionResult> Methodology() => View("Methodology", await mediator.Send(new CurrentMethodology.Query()));

    [HttpPost("effort-index/methodology")]
    [FormView("MethodologyForm")]
    public async Task<IActionResult> Methodology(SaveMethodology.Command command)
    {
        TempData["Notice"] = $"Đã lưu phương pháp phiên bản {await mediator.Send(command)}.";
        return Redirect(EffortIndexLinks.Methodology);
    }

    [HttpPost("effort-index/{period}/publish")]
    public async Task<IActionResult> Publish(string period)
    {
        TempData["Notice"] = await mediator.Send(new PublishPeriod.Command(period));
        return Redirect(EffortIndexLinks.Index(period));
    }

    [HttpGet("effort-index.csv")]
    public async Task<IActionResult> Csv(string? period) =>
        await mediator.Send(new IndexRanking.Query(period)) is { } result
            ? this.Csv(IndexRanking.Csv(result.View), $"chi-so-no-luc-{result.View.Period.Key}.csv")
            : NotFound();
}
