using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Calendar;

[Authorize(Policy = IdentitySetup.AdminPolicy)]
[Route("admin/calendar")]
public sealed class CalendarController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Calendar", (await mediator.Send(new CalendarDays.ListQuery()), new CalendarDays.Save()));

    [HttpPost("")]
    [FormView("CalendarForm")]
    public async Task<IActionResult> Save(CalendarDays.Save command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu ngày {command.Day} vào lịch làm việc.";
        return Redirect("/admin/calendar");
    }

    [HttpPost("{day}/remove")]
    public async Task<IActionResult> Remove(string day)
    {
        await mediator.Send(new CalendarDays.Remove(day));
        TempData["Notice"] = $"Đã xóa ngày {day} khỏi lịch làm việc.";
        return Redirect("/admin/calendar");
    }
}
