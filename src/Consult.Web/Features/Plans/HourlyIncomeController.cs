using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

/// <summary>The national hourly income by year that turns compliance time into money.</summary>
public sealed class HourlyIncomeController(IMediator mediator) : Controller
{
    [Authorize(Policy = IdentitySetup.AdminPolicy)]
    [HttpGet("admin/hourly-income")]
    public async Task<IActionResult> HourlyIncome() =>
        View("HourlyIncome", new HourlyIncomePage(await mediator.Send(new SaveHourlyIncome.ListQuery()), new SaveHourlyIncome.Command()));

    [HttpPost("admin/hourly-income")]
    [FormView("HourlyIncomeForm")]
    public async Task<IActionResult> HourlyIncome(SaveHourlyIncome.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu thu nhập bình quân một giờ năm {command.Year}.";
        return Redirect(PlanLinks.HourlyIncome);
    }
}
