using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

/// <summary>A regulation's compliance-cost estimate, kept by its agency's staff beside the regulation.</summary>
public sealed class CostEstimateController(IMediator mediator) : Controller
{
    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("workspace/regulations/{code}/cost")]
    public async Task<IActionResult> Cost(string code) =>
        await mediator.Send(new SaveCostEstimate.Query(code)) is { } form ? View("CostEstimateForm", form) : NotFound();

    [HttpPost("workspace/regulations/{code}/cost")]
    [FormView("CostEstimateForm")]
    public async Task<IActionResult> Cost(string code, SaveCostEstimate.Command command)
    {
        await mediator.Send(command with { Code = code });
        TempData["Notice"] = "Đã lưu ước tính chi phí tuân thủ.";
        return Redirect(RegulationLinks.Details(code, "cost-heading"));
    }
}
