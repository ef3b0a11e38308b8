using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Shared;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error/{status:int?}")]
    public IActionResult Index(int? status)
    {
        var code = status ?? 500;
        Response.StatusCode = code;
        return View("Error", code);
    }
}
