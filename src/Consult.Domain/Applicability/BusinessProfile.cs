using System.Text.RegularExpressions;

namespace Consult.Domain.Applicability;

/// <summary>Legal forms a business registers as (Luật Doanh nghiệp 2020, Luật Hợp tác xã; hộ kinh doanh).</summary>
public enum LegalForm { PrivateEnterprise, LimitedCompany, JointStockCompany, Cooperative, HouseholdBusiness }

/// <summary>Size by the criteria of Nghị định 80/2021/NĐ-CP (employees, revenue or capital); "lớn" is above them.</summary>
public enum BusinessSize { Micro, Small, Medium, Large }

/// <summary>When a regulation bites: entering the market (gia nhập thị trường) or while operating.</summary>
public enum BusinessStage { Entry, Operation }

/// <summary>The codes URLs, CSV and the API use, and the names readers see.</summary>
public static class ProfileTerms
{
    public static readonly IReadOnlyList<(LegalForm Form, string Code, string Label)> Forms =
    [
        (LegalForm.PrivateEnterprise, "dntn", "Doanh nghiệp tư nhân"),
        (LegalForm.LimitedCompany, "tnhh", "Công ty trách nhiệm hữu hạn"),
        (LegalForm.JointStockCompany, "cophan", "Công ty cổ phần"),
        (LegalForm.Cooperative, "htx", "Hợp tác xã"),
        (LegalForm.HouseholdBusiness, "hkd", "Hộ kinh doanh"),
    ];

    public static readonly IReadOnlyList<(BusinessSize Size, string Code, string Label)> Sizes =
    [
        (BusinessSize.Micro, "sieunho", "Siêu nhỏ"),
        (BusinessSize.Small, "nho", "Nhỏ"),
        (BusinessSize.Medium, "vua", "Vừa"),
        (BusinessSize.Large, "lon", "Lớn"),
    ];

    public static readonly IReadOnlyList<(BusinessStage Stage, string Code, string Label)> Stages =
    [
        (BusinessStage.Entry, "entry", "Khi gia nhập thị trường"),
        (BusinessStage.Operation, "operation", "Trong quá trình hoạt động"),
    ];

    public static string Code(LegalForm form) => Forms.First(f => f.Form == form).Code;
    public static string Code(BusinessSize size) => Sizes.First(s => s.Size == size).Code;
    public static string Code(BusinessStage stage) => Stages.First(s => s.Stage == stage).Code;
    public static string Label(LegalForm form) => Forms.First(f => f.Form == form).Label;
    public static string Label(BusinessSize size) => Sizes.First(s => s.Size == size).Label;
    public static string Label(BusinessStage? stage) => stage is { } s ? Stages.First(x => x.Stage == s).Label : "Khi gia nhập và trong quá trình hoạt động";

    public static bool TryForm(string? code, out LegalForm form) => TryFind(Forms, code, out form);
    public static bool TrySize(string? code, out BusinessSize size) => TryFind(Sizes, code, out size);
    public static bool TryStage(string? code, out BusinessStage stage) => TryFind(Stages, code, out stage);

    private static bool TryFind<T>(IReadOnlyList<(T Value, string Code, string Label)> terms, string? code, out T value)
    {
        var found = terms.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = found.Value;
        return found.Code is not null;
    }
}

/// <summary>
/// Codes of the Vietnamese standard industrial classification, VSIC 2018 (Quyết định 27/2018/QĐ-TTg): a section letter
/// A–U, then 2 (division), 3 (group), 4 (class) and 5 (subclass) digits, each level a prefix of the next.
/// </summary>
public static partial class VsicCode
{
    [GeneratedRegex(@"^([A-U]|\d{2,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    public static bool IsSection(string code) => code.Length == 1;

    /// <summary>The code one level up: a division's section (looked up), a group's division…; null for a section.</summary>
    public static string? Parent(string code, Func<string, string?> sectionOfDivision) =>
        IsSection(code) ? null : code.Length == 2 ? sectionOfDivision(code) : code[..^1];

    /// <summary>
    /// The code and every level above it: a tag on any of them covers a business in this line
    /// (a tag on division 46 covers 4633; a tag on 4633 does not cover the whole of 46).
    /// </summary>
    public static IReadOnlyList<string> AncestorsOrSelf(string code, Func<string, string?> sectionOfDivision)
    {
        var codes = new List<string>();
        for (string? c = code; c is not null; c = Parent(c, sectionOfDivision))
        {
            codes.Add(c);
        }
        return codes;
    }
}

/// <summary>A business as the "applies to me" page asks for it; an empty choice does not narrow anything.</summary>
public sealed record BusinessProfile(IReadOnlyList<string> Lines, LegalForm? Form, BusinessSize? Size, string? Province);

/// <summary>Whom a regulation applies to; an empty list means everyone on that count.</summary>
public sealed record ApplicabilityTags
{
    public IReadOnlyList<string> Lines { get; init; } = [];
    public IReadOnlyList<LegalForm> Forms { get; init; } = [];
    public IReadOnlyList<BusinessSize> Sizes { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    /// <summary>Null: both at entry and while operating.</summary>
    public BusinessStage? Stage { get; init; }

    public static ApplicabilityTags Everyone { get; } = new();

    /// <summary>Tags as stored, one (dimension, code) pair each: line, form, size or province.</summary>
    public static ApplicabilityTags FromStored(IEnumerable<(string Dimension, string Value)> tags, string? stage)
    {
        var list = tags.ToList();
        IEnumerable<string> Of(string dimension) => list.Where(t => t.Dimension == dimension).Select(t => t.Value);
        return new ApplicabilityTags
        {
            Lines = [.. Of("line")],
            Forms = [.. Of("form").Select(c => ProfileTerms.TryForm(c, out var f) ? f : throw new FormatException($"Unknown legal form {c}"))],
            Sizes = [.. Of("size").Select(c => ProfileTerms.TrySize(c, out var s) ? s : throw new FormatException($"Unknown size {c}"))],
            Provinces = [.. Of("province")],
            Stage = ProfileTerms.TryStage(stage, out var st) ? st : null,
        };
    }

    public bool AppliesTo(BusinessProfile profile, Func<string, string?> sectionOfDivision) =>
        (Lines.Count == 0 || profile.Lines.SelectMany(line => VsicCode.AncestorsOrSelf(line, sectionOfDivision)).Any(Lines.Contains))
        && (Forms.Count == 0 || profile.Form is not { } form || Forms.Contains(form))
        && (Sizes.Count == 0 || profile.Size is not { } size || Sizes.Contains(size))
        && (Provinces.Count == 0 || profile.Province is not { } province || Provinces.Contains(province));

    /// <summary>As a version's history shows it: "Mọi doanh nghiệp" or the tags by kind.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string label, IEnumerable<string> values)
        {
            if (values.Any())
            {
                parts.Add($"{label}: {string.Join(", ", values)}");
            }
        }
        Add("Ngành (VSIC)", Lines);
        Add("Loại hình", Forms.Select(ProfileTerms.Label));
        Add("Quy mô", Sizes.Select(ProfileTerms.Label));
        Add("Tỉnh, thành phố", Provinces);
        if (Stage is not null)
        {
            parts.Add(ProfileTerms.Label(Stage));
        }
        return parts.Count == 0 ? "Mọi doanh nghiệp" : string.Join("\n", parts);
    }

    public bool Equals(ApplicabilityTags? other) => other is not null && Stage == other.Stage
        && Lines.SequenceEqual(other.Lines) && Forms.SequenceEqual(other.Forms) && Sizes.SequenceEqual(other.Sizes) && Provinces.SequenceEqual(other.Provinces);

    public override int GetHashCode() => HashCode.Combine(Stage, Lines.Count, Forms.Count, Sizes.Count, Provinces.Count);
}
