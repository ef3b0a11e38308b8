using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Shared;

[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // status pages re-execute the failed request, POSTs included
public sealed class ErrorController : Controller
{
    [Route("error/{status:int?}")]
    public IActionResult Index([FromRoute] int? status)
    {
        // Only the route: a re-executed form post may carry a field of the same name.
        var code = status ?? Response.StatusCode;
        code = code is >= 400 ? code : 500;
        Response.StatusCode = code;
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "10";
        }
        return View("Error", code);
    }
}
