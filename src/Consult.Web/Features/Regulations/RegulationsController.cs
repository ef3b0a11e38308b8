using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Regulations;

public sealed class RegulationsController(IMediator mediator) : Controller
{
    [HttpGet("regulations/{code}")]
    public async Task<IActionResult> Details(string code, string? frequency)
    {
        if (await mediator.Send(new Details.Query(code)) is not { } result)
        {
            return NotFound();
        }
        var r = result.Regulation;
        return View(new RegulationPage(result,
            await mediator.Send(new Plans.RegulationCost.Query(r.Id, r.AgencyId, frequency)),
            await mediator.Send(new Consultations.FollowStatus.Query("regulation", r.Id)),
            await mediator.Send(new Consultations.RegulationConsultations.Query(r.Id)),
            await mediator.Send(new Feedback.FeedbackList.Query { Regulation = r.Code })));
    }

    [HttpGet("regulations/{code}/versions/{version:int}")]
    public async Task<IActionResult> Version(string code, int version) =>
        await mediator.Send(new VersionChanges.Query(code, version)) is { } result ? View(result) : NotFound();
}
