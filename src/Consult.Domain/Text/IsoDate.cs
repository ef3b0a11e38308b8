using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>Dates as forms, files and the database carry them: yyyy-mm-dd.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>What a form says about a date it cannot read.</summary>
    public static string Invalid(string? text) => $"Ngày \"{text}\" không hợp lệ; dùng dạng năm-tháng-ngày, ví dụ 2026-01-15.";

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Either yyyy-mm-dd or the way Vietnamese write dates, dd/mm/yyyy.</summary>
    public static bool TryReadAny(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), [Pattern, "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
