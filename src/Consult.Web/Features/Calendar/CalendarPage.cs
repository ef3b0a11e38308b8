namespace Consult.Web.Features.Calendar;

public sealed record CalendarPage(CalendarDays.YearPage Page, CalendarDays.Save Form);
