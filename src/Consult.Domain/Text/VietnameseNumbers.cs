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

    /// <summary>A count that may have a fraction, with only the decimals it needs: 3, 0,5, 1.200.</summary>
    public static string Plain(decimal value) => value.ToString("#,0.##", Format);

    /// <summary>An index score, always with one decimal, so a score reads the same on every page.</summary>
    public static string Score(decimal score) => Show(score, 1);

    /// <summary>
    /// An amount of money as a reader takes it in: "850.000 đồng", "13,5 triệu đồng", "1.837,5 tỷ đồng". Pages show
    /// this; CSV files carry the exact amount.
    /// </summary>
    public static string Money(decimal dong) => Math.Abs(dong) switch
    {
        >= Billion => $"{Short(dong / Billion)} tỷ đồng",
        >= Million => $"{Short(dong / Million)} triệu đồng",
        _ => $"{Show(dong)} đồng",
    };

    /// <summary>One decimal, left out when it is zero: 6 rather than 6,0.</summary>
    private static string Short(decimal value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return Show(rounded, rounded == decimal.Truncate(rounded) ? 0 : 1);
    }

    private const decimal Million = 1_000_000m;
    private const decimal Billion = 1_000_000_000m;

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
