using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Audit;

[Authorize(Policy = IdentitySetup.AuditPolicy)]
[Route("audit")]
public sealed class AuditController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditTrail.Query query) => View(await mediator.Send(query));
}
