using Consult.Domain.Text;

namespace Consult.Domain.Search;

/// <summary>How text is turned into search tokens, the same when indexing and when querying.</summary>
public enum TokenForm
{
    /// <summary>Lower case, no marks, đ → d: what every syllable is matched on.</summary>
    Folded,
    /// <summary>Lower case with the marks kept: lifts matches typed exactly as written.</summary>
    Accented,
    /// <summary>Folded syllable pairs ("thuoc la"): two syllables side by side, i.e. a Vietnamese word.</summary>
    Pairs,
}

/// <summary>
/// Vietnamese analysis for search, free of any engine: text is NFC-composed, cut into syllables
/// (runs of letters and digits) and then folded, lower-cased, or paired with its neighbour.
/// Pairs never span punctuation, so "rượu. Bia" does not make the word "ruou bia".
/// </summary>
public static class SearchText
{
    public static IEnumerable<string> Tokens(string? text, TokenForm form)
    {
        var composed = VietnameseFolding.Compose(text);
        var folded = form == TokenForm.Accented ? composed.ToLowerInvariant() : VietnameseFolding.Fold(composed);
        if (form != TokenForm.Pairs)
        {
            foreach (var (start, length) in Tokenizer.Spans(folded))
            {
                yield return folded.Substring(start, length);
            }
            yield break;
        }
        var previousEnd = -1;
        string? previous = null;
        foreach (var (start, length) in Tokenizer.Spans(folded))
        {
            var token = folded.Substring(start, length);
            if (previous is not null && OnlySpaceBetween(folded, previousEnd, start))
            {
                yield return previous + " " + token;
            }
            previous = token;
            previousEnd = start + length;
        }
    }

    public static List<string> Folded(string? text) => Tokens(text, TokenForm.Folded).ToList();

    private static bool OnlySpaceBetween(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '-')
            {
                return false;
            }
        }
        return true;
    }
}
