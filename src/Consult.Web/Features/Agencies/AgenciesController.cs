using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Agencies;

public sealed class AgenciesController(IMediator mediator) : Controller
{
    [HttpGet("agencies")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new AgencyList.Query()));

    [HttpGet("agencies/{code}")]
    public async Task<IActionResult> Details(string code)
    {
        if (await mediator.Send(new AgencyProfile.Query(code)) is not { } result)
        {
            return NotFound();
        }
        return View(new AgencyProfile.Page(result, await mediator.Send(new Consultations.FollowStatus.Query("agency", result.Agency.Id))));
    }
}
