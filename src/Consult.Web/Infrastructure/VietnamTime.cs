namespace Consult.Web.Infrastructure;

/// <summary>Deadlines and windows are Vietnamese calendar days (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = Domain.Text.VietnameseDates.Offset;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The moment a Vietnamese day ends, as stored timestamps (UTC, ISO 8601) compare with it.</summary>
    public static string EndOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
