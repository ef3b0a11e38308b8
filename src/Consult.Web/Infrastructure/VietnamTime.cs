namespace Consult.Web.Infrastructure;

/// <summary>Deadlines and windows are Vietnamese calendar days (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = Domain.Text.VietnameseDates.Offset;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
