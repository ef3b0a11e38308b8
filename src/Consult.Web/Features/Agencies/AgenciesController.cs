using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Agencies;

public sealed class AgenciesController(IMediator mediator) : Controller
{
    [HttpGet("agencies")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new Agencies.ListQuery()));

    [HttpGet("agencies/{code}")]
    public async Task<IActionResult> Details(string code)
    {
        if (await mediator.Send(new Agencies.DetailsQuery(code)) is not { } result)
        {
            return NotFound();
        }
        return View(new AgencyProfilePage(result, await mediator.Send(new Consultations.Follow.IsFollowing("agency", result.Agency.Id))));
    }
}
