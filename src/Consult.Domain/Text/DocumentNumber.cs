using System.Text.RegularExpressions;

namespace Consult.Domain.Text;

public enum LegalDocumentType
{
    Law,
    Ordinance,
    Decree,
    Resolution,
    PrimeMinisterDecision,
    Circular,
    JointCircular,
    TechnicalStandard,
    Other,
}

/// <summary>A legal document number such as 105/2017/NĐ-CP, 02/2020/QH14 or QCVN 86:2019/BTTTT.</summary>
public static partial class DocumentNumber
{
    // number[/year]/TYPE-ISSUER, or a national standard/regulation code.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(\d{1,5}(?:/\d{4})?/[\p{L}][\p{L}\d]*(?:-[\p{L}\d]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinaryPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])((?:QCVN|TCVN)\s*[\d\-.]+(?::\d{4})?(?:/[\p{L}\d\-]+)?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StandardPattern();

    /// <summary>The key two spellings of one number share: no marks, upper case, no spaces.</summary>
    public static string Key(string number)
    {
        var folded = VietnameseFolding.Fold(number.Trim());
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    public static bool IsValid(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 80)
        {
            return false;
        }
        var trimmed = number.Trim();
        return IsWhole(OrdinaryPattern(), trimmed) || IsWhole(StandardPattern(), trimmed);
    }

    /// <summary>Every document number written somewhere in free text, as typed.</summary>
    public static IReadOnlyList<(int Index, string Number)> FindIn(string text)
    {
        var found = new List<(int, string)>();
        foreach (Match m in StandardPattern().Matches(text))
        {
            found.Add((m.Index, m.Value.Trim()));
        }
        foreach (Match m in OrdinaryPattern().Matches(text))
        {
            if (!found.Any(f => m.Index >= f.Item1 && m.Index < f.Item1 + f.Item2.Length))
            {
                found.Add((m.Index, m.Value));
            }
        }
        return found.OrderBy(f => f.Item1).ToList();
    }

    public static LegalDocumentType InferType(string number)
    {
        var key = Key(number);
        if (key.StartsWith("QCVN", StringComparison.Ordinal) || key.StartsWith("TCVN", StringComparison.Ordinal))
        {
            return LegalDocumentType.TechnicalStandard;
        }
        var typeAndIssuer = key[(key.LastIndexOf('/') + 1)..];
        var type = typeAndIssuer.Split('-')[0];
        return type switch
        {
            _ when typeAndIssuer.StartsWith("UBTVQH", StringComparison.Ordinal) => LegalDocumentType.Ordinance,
            _ when typeAndIssuer.StartsWith("QH", StringComparison.Ordinal) => LegalDocumentType.Law,
            "ND" => LegalDocumentType.Decree,
            "NQ" => LegalDocumentType.Resolution,
            "QD" when typeAndIssuer.EndsWith("-TTG", StringComparison.Ordinal) => LegalDocumentType.PrimeMinisterDecision,
            "TTLT" => LegalDocumentType.JointCircular,
            "TT" => LegalDocumentType.Circular,
            _ => LegalDocumentType.Other,
        };
    }

    /// <summary>The Vietnamese name of a stored type name, or the name itself when unknown.</summary>
    public static string Label(string typeName) =>
        Enum.TryParse<LegalDocumentType>(typeName, out var type) ? Label(type) : typeName;

    public static string Label(LegalDocumentType type) => type switch
    {
        LegalDocumentType.Law => "Luật",
        LegalDocumentType.Ordinance => "Pháp lệnh",
        LegalDocumentType.Decree => "Nghị định",
        LegalDocumentType.Resolution => "Nghị quyết",
        LegalDocumentType.PrimeMinisterDecision => "Quyết định của Thủ tướng Chính phủ",
        LegalDocumentType.Circular => "Thông tư",
        LegalDocumentType.JointCircular => "Thông tư liên tịch",
        LegalDocumentType.TechnicalStandard => "Quy chuẩn, tiêu chuẩn kỹ thuật",
        _ => "Văn bản khác",
    };

    private static bool IsWhole(Regex pattern, string text)
    {
        var m = pattern.Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Length;
    }
}
