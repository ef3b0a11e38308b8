using System.Globalization;
using System.Text;

namespace Consult.Domain.Text;

/// <summary>
/// Folds Vietnamese text for matching: drops tone and vowel marks, maps đ/Đ to d, lower-cases.
/// Every UTF-16 unit maps to exactly one unit, so an offset found in folded text is the same
/// offset in the (NFC) original — snippets are cut from the original with diacritics intact.
/// </summary>
public static class VietnameseFolding
{
    private static readonly char[] Table = BuildTable();

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Table[source[i]];
            }
        });
    }

    public static char Fold(char c) => Table[c];

    /// <summary>NFC, because folding is one-to-one only on precomposed letters.</summary>
    public static string Compose(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var valid = ReplaceLoneSurrogates(text);
        try
        {
            return valid.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Code points ICU refuses (e.g. noncharacters) stay as they are.
            return valid;
        }
    }

    // Normalize throws on a lone surrogate; user text must never make the server fail.
    private static string ReplaceLoneSurrogates(string text)
    {
        var span = text.AsSpan();
        var firstBad = -1;
        for (var i = 0; i < span.Length && firstBad < 0; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                firstBad = i;
            }
        }
        if (firstBad < 0)
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = firstBad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            table[i] = FoldSlow((char)i);
        }
        return table;
    }

    private static bool IsNormalizable(string text)
    {
        try
        {
            _ = text.IsNormalized(NormalizationForm.FormD);
            return true;
        }
        catch (ArgumentException)
        {
            // Unassigned code points: nothing to decompose.
            return false;
        }
    }

    private static char FoldSlow(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }
        if (char.IsSurrogate(c) || c < 0x80)
        {
            return char.ToLowerInvariant(c);
        }
        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            // A stray combining mark in NFC text: blank it so it never glues two words.
            return ' ';
        }
        var single = c.ToString();
        if (!IsNormalizable(single))
        {
            return char.ToLowerInvariant(c);
        }
        var decomposed = single.Normalize(NormalizationForm.FormD);
        var baseChar = decomposed[0];
        return CharUnicodeInfo.GetUnicodeCategory(baseChar) == UnicodeCategory.NonSpacingMark
            ? char.ToLowerInvariant(c)
            : char.ToLowerInvariant(baseChar);
    }
}
