using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.About;

/// <summary>The notices every public portal owes its readers: personal data, terms of use, the open-data licence.</summary>
[Route("about")]
public sealed class AboutController : Controller
{
    [HttpGet("privacy")]
    public IActionResult Privacy() => View();

    [HttpGet("terms")]
    public IActionResult Terms() => View();

    [HttpGet("open-data")]
    public IActionResult OpenData() => View();
}
