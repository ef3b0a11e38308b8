using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Home;

public sealed class HomeController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Open"] = (await mediator.Send(new Consultations.ConsultationList.Query { Status = "open" })).Consultations;
        return View(await mediator.Send(new Index.Query()));
    }
}
