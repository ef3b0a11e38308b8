using System.Text;
using System.Text.RegularExpressions;
using Consult.Domain.Text;

namespace Consult.Domain.Search;

public enum ClauseKind
{
    Term,
    Phrase,
    Prefix,
}

/// <summary>One AND-ed part of a query, in folded tokens.</summary>
public sealed record Clause(ClauseKind Kind, IReadOnlyList<string> Tokens, string? FromCode = null);

/// <summary>
/// What a user typed into the search box, understood: document numbers, regulation codes and
/// the words, quoted phrases and final prefix left over. Any string parses; nothing throws.
/// </summary>
public sealed partial class SearchQuery
{
    private const int MaxLength = 500;
    private const int MaxClauses = 16;

    // Function syllables that match most documents: they cost the most and select nothing.
    private static readonly HashSet<string> StopSyllables =
    [
        "cua", "va", "cac", "duoc", "theo", "trong", "cho", "co", "la", "voi", "ve", "nhung",
        "mot", "nay", "da", "de", "tu", "khi", "tai", "hoac", "thi", "do", "bi", "den", "ra",
        "tren", "duoi", "sau", "truoc", "nhu", "neu", "phai", "khong", "cung",
    ];

    private static readonly HashSet<string> Operators = ["AND", "OR", "NOT", "NEAR"];

    [GeneratedRegex("\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();

    private SearchQuery(string text) => Text = text;

    /// <summary>The query as typed (trimmed, NFC), for redisplay in the search box.</summary>
    public string Text { get; }

    public List<string> DocumentNumbers { get; } = [];

    public List<string> Codes { get; } = [];

    public List<Clause> Clauses { get; } = [];

    /// <summary>Lower-cased words the user typed with marks, to lift exact-diacritic matches.</summary>
    public List<string> MarkedWords { get; } = [];

    public bool IsEmpty => DocumentNumbers.Count == 0 && Codes.Count == 0 && Clauses.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var text = VietnameseFolding.Compose(input ?? "").Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        var query = new SearchQuery(text);
        var rest = new StringBuilder(text);

        foreach (var (index, number) in DocumentNumber.FindIn(text))
        {
            query.DocumentNumbers.Add(number);
            Blank(rest, index, number.Length);
        }

        var remaining = rest.ToString();
        foreach (Match m in QuotedPattern().Matches(remaining))
        {
            query.AddPhrase(m.Groups[1].Value);
        }
        remaining = QuotedPattern().Replace(remaining, " ").Replace('"', ' ');

        var words = remaining.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            query.AddWord(words[i], isLast: i == words.Length - 1);
        }
        query.DropStopSyllables();
        if (query.Clauses.Count > MaxClauses)
        {
            query.Clauses.RemoveRange(MaxClauses, query.Clauses.Count - MaxClauses);
        }
        return query;
    }

    /// <summary>The FTS5 MATCH expression: every token quoted, so no user text is FTS5 syntax.</summary>
    public static string ToFtsExpression(IEnumerable<Clause> clauses)
    {
        var parts = clauses.Select(c => c.Kind switch
        {
            ClauseKind.Prefix => Quote(c.Tokens[0]) + "*",
            _ => Quote(string.Join(' ', c.Tokens)),
        });
        return string.Join(' ', parts);
    }

    public string ToFtsExpression() => ToFtsExpression(Clauses);

    /// <summary>Folded tokens to highlight; prefixes end with '*'.</summary>
    public IReadOnlyList<string> HighlightTokens() =>
        Clauses.SelectMany(c => c.Kind == ClauseKind.Prefix ? [c.Tokens[0] + "*"] : c.Tokens).Distinct().ToList();

    private void AddWord(string word, bool isLast)
    {
        if (Operators.Contains(word))
        {
            return;
        }
        var isPrefix = isLast && word.EndsWith('*');
        var bare = word.Trim('*');
        if (RegulationCode.IsValid(bare) && bare.Any(char.IsDigit) && bare.IndexOfAny(['.', '-']) > 0)
        {
            Codes.Add(bare);
            AddTokens(bare, asPrefix: false, fromCode: bare);
            return;
        }
        if (VietnameseFolding.HasDiacritics(bare))
        {
            MarkedWords.Add(bare.ToLowerInvariant());
        }
        AddTokens(bare, isPrefix, fromCode: null);
    }

    private void AddPhrase(string phrase)
    {
        var tokens = Tokenizer.Tokens(VietnameseFolding.Fold(phrase));
        if (tokens.Count > 0)
        {
            Clauses.Add(new Clause(tokens.Count == 1 ? ClauseKind.Term : ClauseKind.Phrase, tokens));
        }
        foreach (var word in phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (VietnameseFolding.HasDiacritics(word))
            {
                MarkedWords.Add(word.ToLowerInvariant());
            }
        }
    }

    private void AddTokens(string word, bool asPrefix, string? fromCode)
    {
        var tokens = Tokenizer.Tokens(VietnameseFolding.Fold(word));
        if (tokens.Count == 0)
        {
            return;
        }
        if (asPrefix && tokens[^1].Length >= 2)
        {
            if (tokens.Count > 1)
            {
                Clauses.Add(new Clause(ClauseKind.Phrase, tokens[..^1], fromCode));
            }
            Clauses.Add(new Clause(ClauseKind.Prefix, [tokens[^1]], fromCode));
            return;
        }
        Clauses.Add(new Clause(tokens.Count == 1 ? ClauseKind.Term : ClauseKind.Phrase, tokens, fromCode));
    }

    private void DropStopSyllables()
    {
        bool IsStop(Clause c) => c.Kind == ClauseKind.Term && StopSyllables.Contains(c.Tokens[0]);
        if (Clauses.Any(c => !IsStop(c)))
        {
            Clauses.RemoveAll(IsStop);
        }
    }

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"") + "\"";

    private static void Blank(StringBuilder text, int index, int length)
    {
        for (var i = index; i < index + length; i++)
        {
            text[i] = ' ';
        }
    }
}
