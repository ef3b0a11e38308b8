namespace Consult.Web.Infrastructure;

/// <summary>Deadlines and windows are Vietnamese calendar days (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = Domain.Text.VietnameseDates.Offset;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>
    /// The moment a Vietnamese day ends, written as the database stores moments ("2026-12-01 17:00:00+00:00"), so a
    /// text comparison orders them; a "T…Z" form would sort every moment of that UTC date before it.
    /// </summary>
    public static string EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime()
            .ToString("yyyy-MM-dd HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
