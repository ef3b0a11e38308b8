using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Home;

public sealed class HomeController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await mediator.Send(new Index.Query()));
}
