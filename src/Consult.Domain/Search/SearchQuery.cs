using System.Text;
using System.Text.RegularExpressions;
using Consult.Domain.Text;

namespace Consult.Domain.Search;

/// <summary>One syllable the user typed: folded for matching, and as typed (lower case) when it carries marks.</summary>
public sealed record QueryWord(string Folded, string? Accented);

/// <summary>
/// What a user typed into the search box, understood: citations of legal documents, regulation codes,
/// quoted phrases, a final prefix (<c>giấy ph*</c>) and the syllables around them, with the pairs of
/// syllables typed side by side. Any string parses; nothing throws; no text is ever engine syntax.
/// </summary>
public sealed partial class SearchQuery
{
    private const int MaxLength = 500;
    public const int MaxWords = 16;

    // Put where a citation, code or quote was taken out, so no pair of syllables spans it.
    private const char Gap = ',';

    [GeneratedRegex("\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();

    private SearchQuery(string text) => Text = text;

    /// <summary>The query as typed (trimmed, NFC), for redisplay in the search box.</summary>
    public string Text { get; }

    public List<Citation> Citations { get; } = [];

    /// <summary>Regulation codes as typed, e.g. 1.000106 or YCDK-BCT-0002.</summary>
    public List<string> Codes { get; } = [];

    /// <summary>Every syllable that must match, in the order typed (phrases included, the prefix not).</summary>
    public List<QueryWord> Words { get; } = [];

    /// <summary>Folded syllable pairs typed side by side: adjacent in a document, they rank it higher.</summary>
    public List<string> Pairs { get; } = [];

    /// <summary>Quoted phrases of two or more syllables, folded: their syllables must stand in this order.</summary>
    public List<IReadOnlyList<string>> Phrases { get; } = [];

    /// <summary>The folded beginning of the last word when it ends with '*' (two letters at least).</summary>
    public string? Prefix { get; private set; }

    /// <summary>The syllable typed just before the prefix and the prefix ("thuoc l"): a word being typed.</summary>
    public string? PrefixPair { get; private set; }

    public bool IsEmpty => Citations.Count == 0 && Codes.Count == 0 && Words.Count == 0 && Prefix is null;

    private static readonly string[] DocumentTypeWords = ["luat", "nghi dinh", "thong tu", "quyet dinh", "nghi quyet", "phap lenh"];

    /// <summary>The words name a kind of legal document ("luật doanh nghiệp", "nghị định về rượu"): worth listing documents.</summary>
    public bool NamesDocumentType
    {
        get
        {
            var words = " " + string.Join(' ', Words.Select(w => w.Folded)) + " ";
            return DocumentTypeWords.Any(t => words.Contains(" " + t + " ", StringComparison.Ordinal));
        }
    }

    public static SearchQuery Parse(string? input)
    {
        var text = VietnameseFolding.Compose(input ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var query = new SearchQuery(text);
        var rest = new StringBuilder(text);

        foreach (var (index, length, citation) in Citation.FindIn(text))
        {
            query.Citations.Add(citation);
            Blank(rest, index, length);
        }

        foreach (Match m in QuotedPattern().Matches(rest.ToString()))
        {
            query.AddPhrase(m.Groups[1].Value);
            Blank(rest, m.Index, m.Length);
        }
        var remaining = rest.ToString().Replace('"', Gap);

        var words = remaining.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var free = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var bare = word.Trim('*');
            if (RegulationCode.IsValid(bare) && bare.Any(char.IsDigit) && bare.IndexOfAny(['.', '-']) > 0)
            {
                query.Codes.Add(bare);
                free.Append(Gap).Append(' ');
                continue;
            }
            var tokens = SearchText.Folded(bare);
            if (i == words.Length - 1 && word.EndsWith('*') && tokens.Count > 0 && tokens[^1].Length >= 2)
            {
                query.Prefix = tokens[^1];
                bare = string.Join(' ', tokens[..^1]);
            }
            free.Append(bare).Append(' ');
        }
        query.AddWords(free.ToString(), isPhrase: false);
        var beforePrefix = free.ToString().TrimEnd();
        if (query.Prefix is not null && beforePrefix.Length > 0 && beforePrefix[^1] != Gap && SearchText.Folded(beforePrefix) is { Count: > 0 } before)
        {
            query.PrefixPair = before[^1] + " " + query.Prefix;
        }
        if (query.Words.Count > MaxWords)
        {
            query.Words.RemoveRange(MaxWords, query.Words.Count - MaxWords);
        }
        return query;
    }

    /// <summary>Folded tokens to highlight; a prefix ends with '*'.</summary>
    public IReadOnlyList<string> HighlightTokens() =>
        Words.Select(w => w.Folded).Concat(Prefix is null ? [] : [Prefix + "*"]).Distinct().ToList();

    private void AddPhrase(string phrase)
    {
        var tokens = SearchText.Folded(phrase);
        if (tokens.Count > 1)
        {
            Phrases.Add(tokens);
        }
        AddWords(phrase, isPhrase: true);
    }

    private void AddWords(string text, bool isPhrase)
    {
        var folded = SearchText.Folded(text);
        var accented = SearchText.Tokens(text, TokenForm.Accented).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            // Folding and lower-casing cut text at the same places, so the two lists align.
            var typed = accented.Count == folded.Count ? accented[i] : folded[i];
            Words.Add(new QueryWord(folded[i], typed != folded[i] ? typed : null));
        }
        Pairs.AddRange(isPhrase ? folded.Zip(folded.Skip(1), (a, b) => a + " " + b) : SearchText.Tokens(text, TokenForm.Pairs));
    }

    private static void Blank(StringBuilder text, int index, int length)
    {
        for (var i = index; i < index + length; i++)
        {
            text[i] = i == index ? Gap : ' ';
        }
    }
}
