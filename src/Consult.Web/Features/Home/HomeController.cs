using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Home;

public sealed class HomeController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var figures = await mediator.Send(new Index.Query());
        var open = await mediator.Send(new Consultations.ConsultationList.Query { Status = "open" });
        return View(new HomePage(figures, open.Consultations));
    }
}
