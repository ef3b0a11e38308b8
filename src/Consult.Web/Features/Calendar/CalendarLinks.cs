using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Calendar;

public static class CalendarLinks
{
    public static string Year(int? year = null) => WithQuery("/admin/calendar", ("year", year?.ToString()));

    public static string Save => "/admin/calendar";

    public static string Remove(string day) => $"/admin/calendar/{Segment(day)}/remove";
}
