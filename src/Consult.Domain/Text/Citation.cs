using System.Text.RegularExpressions;

namespace Consult.Domain.Text;

/// <summary>
/// A legal document as people cite it, whole or in part: <c>105/2017/NĐ-CP</c>, <c>số 105/2017/NĐ-CP</c>,
/// <c>105/2017</c>, <c>nghị định 105/2017</c>, <c>NĐ 105</c>, <c>nd105</c>, <c>QCVN 86</c>.
/// A document is indexed under every part people use (<see cref="IndexTokens"/>); a citation matches by the
/// most specific part it gives (<see cref="Token"/>).
/// </summary>
public sealed partial record Citation
{
    /// <summary>As typed, for messages.</summary>
    public required string Text { get; init; }
    /// <summary>The whole number's key when written in full (<see cref="DocumentNumber.Key"/>), else null.</summary>
    public string? Key { get; init; }
    /// <summary>Document type code: ND, TT, TTLT, QD, NQ, LUAT, PL, QCVN, TCVN…</summary>
    public string? Type { get; init; }
    public string? Number { get; init; }
    public int? Year { get; init; }

    /// <summary>The keyword a document must carry to match this citation.</summary>
    public string Token => Key is not null ? "k:" + Key
        : Year is not null && Type is not null ? $"t:{Type}/{Number}/{Year}"
        : Type is not null ? $"n:{Type}/{Number}"
        : $"y:{Number}/{Year}";

    private static readonly (string Words, string Type)[] TypeWords =
    [
        ("thong tu lien tich", "TTLT"), ("nghi dinh", "ND"), ("thong tu", "TT"), ("quyet dinh", "QD"),
        ("nghi quyet", "NQ"), ("luat", "LUAT"), ("phap lenh", "PL"), ("ttlt", "TTLT"), ("nd", "ND"), ("tt", "TT"),
        ("qd", "QD"), ("nq", "NQ"), ("qcvn", "QCVN"), ("tcvn", "TCVN"),
    ];

    // On folded text: an optional type word, an optional "số", a number, then /year and /TYPE-ISSUER.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}/])(?:(?<type>thong tu lien tich|nghi dinh|thong tu|quyet dinh|nghi quyet|luat|phap lenh|ttlt|nd|tt|qd|nq|qcvn|tcvn)[\s.]*)?(?:so\s+)?(?<num>\d{1,5})(?:/(?<year>\d{4}))?(?:/(?<suffix>[a-z][a-z\d]*(?:-[a-z\d]+)*))?(?![\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex CitationPattern();

    // On a number's key: 105/2017/ND-CP, 68/NQ-CP, 59/2020/QH14, QCVN86:2019/BTTTT.
    [GeneratedRegex(@"^(?<num>\d{1,5})(?:/(?<year>\d{4}))?/(?<suffix>[A-Z][A-Z\d]*(?:-[A-Z\d]+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^(?<type>QCVN|TCVN)(?<num>[\d\-.]+?)(?::(?<year>\d{4}))?(?:/.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex StandardKeyPattern();

    /// <summary>Every keyword a document with this number is found by.</summary>
    public static IReadOnlyList<string> IndexTokens(string documentNumber)
    {
        var key = DocumentNumber.Key(documentNumber);
        var tokens = new List<string> { "k:" + key };
        string number;
        string? year;
        IEnumerable<string> types;
        if (KeyPattern().Match(key) is { Success: true } m)
        {
            number = Trim(m.Groups["num"].Value);
            year = m.Groups["year"].Success ? m.Groups["year"].Value : null;
            types = TypesOf(m.Groups["suffix"].Value);
        }
        else if (StandardKeyPattern().Match(key) is { Success: true } s)
        {
            number = Trim(s.Groups["num"].Value);
            year = s.Groups["year"].Success ? s.Groups["year"].Value : null;
            types = [s.Groups["type"].Value];
        }
        else
        {
            return tokens;
        }
        if (year is not null)
        {
            tokens.Add($"y:{number}/{year}");
        }
        foreach (var type in types)
        {
            tokens.Add($"n:{type}/{number}");
            if (year is not null)
            {
                tokens.Add($"t:{type}/{number}/{year}");
            }
        }
        return tokens;
    }

    /// <summary>Every citation in free text, with where it stands; a bare number is not one.</summary>
    public static IReadOnlyList<(int Index, int Length, Citation Citation)> FindIn(string text)
    {
        var found = new List<(int, int, Citation)>();
        foreach (var (index, number) in DocumentNumber.FindIn(text))
        {
            if (number.StartsWith("QCVN", StringComparison.OrdinalIgnoreCase) || number.StartsWith("TCVN", StringComparison.OrdinalIgnoreCase))
            {
                found.Add((index, number.Length, new Citation { Text = number, Key = DocumentNumber.Key(number) }));
            }
        }
        var folded = VietnameseFolding.Fold(text);
        foreach (Match m in CitationPattern().Matches(folded))
        {
            if (found.Any(f => m.Index < f.Item1 + f.Item2 && f.Item1 < m.Index + m.Length))
            {
                continue;
            }
            var type = m.Groups["type"].Success ? TypeWords.First(t => t.Words == m.Groups["type"].Value).Type : null;
            var number = Trim(m.Groups["num"].Value);
            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value) : null;
            var typed = text.Substring(m.Index, m.Length);
            Citation? citation = m.Groups["suffix"].Success
                ? new Citation { Text = typed, Key = DocumentNumber.Key(folded[m.Groups["num"].Index..(m.Index + m.Length)]) }
                : type is not null || year is not null ? new Citation { Text = typed, Type = type, Number = number, Year = year }
                : null;
            if (citation is not null)
            {
                found.Add((m.Index, m.Length, citation));
            }
        }
        return found.OrderBy(f => f.Item1).ToList();
    }

    private static IEnumerable<string> TypesOf(string suffix)
    {
        if (suffix.StartsWith("UBTVQH", StringComparison.Ordinal))
        {
            return ["PL", "NQ"];
        }
        // The National Assembly's laws and resolutions share the form 59/2020/QH14.
        return suffix.StartsWith("QH", StringComparison.Ordinal) ? ["LUAT", "NQ"] : [suffix.Split('-')[0]];
    }

    private static string Trim(string number) => number.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
}
