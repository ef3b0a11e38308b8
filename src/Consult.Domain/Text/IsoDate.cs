using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>Dates as files and the database carry them, yyyy-mm-dd; people may also type them as Vietnamese write them, dd/mm/yyyy.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>What a form says about a date it cannot read.</summary>
    public static string Invalid(string? text) => $"Ngày \"{text}\" không hợp lệ; nhập dạng ngày/tháng/năm, ví dụ 15/01/2026.";

    /// <summary>Either yyyy-mm-dd or dd/mm/yyyy; whatever was typed is stored as yyyy-mm-dd.</summary>
    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), [Pattern, "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
