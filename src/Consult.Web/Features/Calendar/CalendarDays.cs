using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Calendar;

/// <summary>Administrators keep the days off and the weekends worked that answer deadlines count with.</summary>
public static class CalendarDays
{
    public const string Entity = "calendar_day";

    public static string KindLabel(string kind) => kind == "worked" ? "Làm bù (thứ Bảy/Chủ nhật đi làm)" : "Nghỉ (ngày thường)";

    public static string WeekdayLabel(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? "Chủ nhật" : $"Thứ {"Hai Ba Tư Năm Sáu Bảy".Split(' ')[(int)day.DayOfWeek - 1]}";

    public sealed record Row(string Day, string Kind, string Name, string Source)
    {
        public DateOnly Date => DateOnly.ParseExact(Day, IsoDate.Pattern, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One year's days, and the years the calendar holds.</summary>
    public sealed record Query(int Year) : IRequest<YearPage>;

    public sealed record YearPage(int Year, IReadOnlyList<int> Years, IReadOnlyList<Row> Days);

    public sealed class Handler(Db db) : IRequestHandler<Query, YearPage>
    {
        public async Task<YearPage> Handle(Query request, CancellationToken cancellationToken)
        {
            var years = (await db.Connection.QueryAsync<int>(db.Command("select distinct cast(substr(day, 1, 4) as integer) from calendar_day order by 1", null, cancellationToken))).ToList();
            var days = await db.Connection.QueryAsync<Row>(db.Command(
                "select day, kind, name, source from calendar_day where day like @year order by day", new { year = $"{request.Year:D4}-%" }, cancellationToken));
            return new YearPage(request.Year, years, days.ToList());
        }
    }
}
