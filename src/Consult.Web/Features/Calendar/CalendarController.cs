using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Calendar;

[Authorize(Policy = IdentitySetup.AdminPolicy)]
[Route("admin/calendar")]
public sealed class CalendarController(IMediator mediator, TimeProvider clock) : Controller
{
    /// <summary>One year at a time, this year unless another is asked for (a long list would bury the form on a phone).</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year) =>
        View("Calendar", new CalendarPage(await mediator.Send(new CalendarDays.Query(year is >= 2000 and <= 2100 ? year.Value : clock.Today().Year)), new SaveCalendarDay.Command()));

    [HttpPost("")]
    [FormView("CalendarForm")]
    public async Task<IActionResult> Save(SaveCalendarDay.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu ngày {command.Day} vào lịch làm việc.";
        return Redirect(IsoDate.TryRead(command.Day, out var day) ? CalendarLinks.Year(day.Year) : CalendarLinks.Year());
    }

    [HttpPost("{day}/remove")]
    public async Task<IActionResult> Remove(string day)
    {
        await mediator.Send(new RemoveCalendarDay.Command(day));
        TempData["Notice"] = $"Đã xóa ngày {day} khỏi lịch làm việc.";
        return Redirect(IsoDate.TryRead(day, out var date) ? CalendarLinks.Year(date.Year) : CalendarLinks.Year());
    }
}
