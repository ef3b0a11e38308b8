namespace Consult.Web.Features.Calendar;

public sealed record CalendarPage(CalendarDays.YearPage Page, SaveCalendarDay.Command Form);
