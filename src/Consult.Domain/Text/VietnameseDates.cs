using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>Dates and times as the portal shows them: Vietnamese order, in Vietnam's time (UTC+7, no daylight saving).</summary>
public static class VietnameseDates
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A stored date (yyyy-mm-dd), or a dash when there is none.</summary>
    public static string Show(string? isoDate) => IsoDate.TryRead(isoDate, out var day) ? Show(day) : "—";

    /// <summary>A moment, in Vietnam's time: what the clock on the reader's wall said.</summary>
    public static string Show(DateTimeOffset moment, bool seconds = false) =>
        moment.ToOffset(Offset).ToString(seconds ? "dd/MM/yyyy HH:mm:ss" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
