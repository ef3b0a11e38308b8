using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Workspace;

/// <summary>Where agency staff maintain their regulations and legal documents; reviewers read every agency's.</summary>
[Authorize(Policy = IdentitySetup.WorkspacePolicy)]
[Route("workspace")]
public sealed class WorkspaceController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Overview.Query query) => View(await mediator.Send(query));

    [HttpGet("regulations/new")]
    public IActionResult Create() => View("Edit", new SaveRegulation.Command { ExpectedVersion = Infrastructure.Registry.RegulationWriter.New });

    [HttpGet("regulations/{code}/edit")]
    public async Task<IActionResult> Edit(string code) =>
        await mediator.Send(new EditRegulation.Query(code)) is { } form ? View(form) : NotFound();

    [HttpPost("regulations")]
    [FormView("Edit")]
    public async Task<IActionResult> Save(SaveRegulation.Command command)
    {
        var code = await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu quy định {code}.";
        return Redirect($"/workspace/regulations/{Uri.EscapeDataString(code)}/edit");
    }

    [HttpPost("regulations/{code}/change")]
    public async Task<IActionResult> Change(string code, ChangeRegulation.Command command)
    {
        var result = await mediator.Send(command with { Code = code });
        TempData["Notice"] = result;
        return Redirect($"/workspace/regulations/{Uri.EscapeDataString(code)}/edit");
    }
}
