using System.Globalization;

namespace Consult.Domain.Text;

/// <summary>
/// Splits folded text into the same tokens as SQLite's unicode61 tokenizer: maximal runs of
/// letters and digits. Search relies on both sides agreeing.
/// </summary>
public static class Tokenizer
{
    public static bool IsTokenChar(char c) => char.GetUnicodeCategory(c) switch
    {
        >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherLetter => true,
        >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    public static IEnumerable<(int Start, int Length)> Spans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsTokenChar(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }
            if (i > start)
            {
                yield return (start, i - start);
            }
        }
    }

    public static List<string> Tokens(string foldedText) =>
        Spans(foldedText).Select(s => foldedText.Substring(s.Start, s.Length)).ToList();
}
