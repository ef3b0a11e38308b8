using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>Dates as forms, files and the database carry them: yyyy-mm-dd.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
