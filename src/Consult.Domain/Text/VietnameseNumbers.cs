using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>Numbers as Vietnamese readers write them: 1.234.567,5 — whatever culture the server runs in.</summary>
public static class VietnameseNumbers
{
    public static NumberFormatInfo Format { get; } = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        PercentDecimalSeparator = ",",
    };

    /// <summary>Rounded for display only; amounts are kept exact everywhere else.</summary>
    public static string Show(decimal value, int decimals = 0) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, Format);

    /// <summary>Reads what a user typed: "1.234.567", "1234567", "0,5" or "0.5" (one dot with up to two decimals is a decimal point).</summary>
    public static bool TryRead(string? text, out decimal value)
    {
        value = 0;
        var t = (text ?? "").Trim().Replace(" ", "");
        if (t.Length == 0)
        {
            return true;
        }
        var dots = t.Count(c => c == '.');
        if (!t.Contains(',') && dots == 1 && t.Length - t.IndexOf('.') - 1 <= 2)
        {
            return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
        }
        return decimal.TryParse(t, NumberStyles.Number, Format, out value);
    }
}
