using System.Text.Json;
using System.Text.Json.Serialization;
using Consult.Domain.Applicability;
using Consult.Domain.Import;

namespace Consult.Web.Features.Regulations;

/// <summary>A regulation as saved in one version: what the history shows and compares.</summary>
public sealed record RegulationSnapshot
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    public const string Created = "Tạo mới";
    private const string ChangeSeparator = "; ";

    public static string JoinChanges(IEnumerable<string> changes) => string.Join(ChangeSeparator, changes);

    public static IReadOnlyList<string> SplitChanges(string changes) => changes.Split(ChangeSeparator);

    public required string Code { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Agency { get; init; }
    public required string Status { get; init; }
    public required bool Published { get; init; }
    public string? EffectiveDate { get; init; }
    public required IReadOnlyList<string> Sectors { get; init; }
    public required IReadOnlyList<string> LegalBasis { get; init; }
    public required IReadOnlyList<string> Products { get; init; }
    public required string Content { get; init; }
    public required RegulationDetails Details { get; init; }

    /// <summary>Null when it applies to every business: a version saved before tags existed reads the same.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ApplicabilityTags? Applies { get; init; }

    private ApplicabilityTags AppliesOrEveryone => Applies ?? ApplicabilityTags.Everyone;

    /// <summary>Every field as a reader sees it, for showing two versions side by side.</summary>
    public IReadOnlyList<(string Label, string Value)> Fields() =>
    [
        ("Mã", Code),
        ("Loại", Domain.Registry.RegulationKinds.Label(Domain.Registry.RegulationKinds.FromCode(Kind))),
        ("Tên", Title),
        ("Cơ quan", Agency),
        ("Tình trạng hiệu lực", Domain.Registry.RegulationStatuses.Label(Domain.Registry.RegulationStatuses.FromCode(Status))),
        ("Công khai", Published ? "Đã công khai" : "Chưa công khai"),
        ("Ngày hiệu lực", EffectiveDate ?? ""),
        ("Lĩnh vực", string.Join("\n", Sectors)),
        ("Căn cứ pháp lý", string.Join("\n", LegalBasis)),
        ("Sản phẩm, hàng hóa", string.Join("\n", Products)),
        ("Nội dung", Content),
        ("Thời hạn giải quyết", Details.ProcessingTime ?? ""),
        ("Phí, lệ phí", Details.Fees ?? ""),
        ("Cơ quan thực hiện", Details.ImplementingBody ?? ""),
        ("Thành phần hồ sơ", Details.Dossier ?? ""),
        ("Kết quả thực hiện", Details.Result ?? ""),
        ("Tần suất báo cáo", Details.ReportFrequency ?? ""),
        ("Nơi nhận báo cáo", Details.ReportRecipient ?? ""),
        ("Ngành nghề kinh doanh", Details.BusinessLine ?? ""),
        ("Đối tượng áp dụng", AppliesOrEveryone.Describe()),
    ];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RegulationSnapshot FromJson(string json) => JsonSerializer.Deserialize<RegulationSnapshot>(json, Json)!;

    /// <summary>Vietnamese names of the fields that differ from an earlier version.</summary>
    public IReadOnlyList<string> ChangedSince(RegulationSnapshot earlier)
    {
        var changes = new List<string>();
        void Check(bool differs, string label)
        {
            if (differs)
            {
                changes.Add(label);
            }
        }
        Check(Code != earlier.Code, "Mã");
        Check(Kind != earlier.Kind, "Loại");
        Check(Title != earlier.Title, "Tên");
        Check(Agency != earlier.Agency, "Cơ quan");
        Check(Status != earlier.Status, "Tình trạng hiệu lực");
        Check(Published != earlier.Published, "Công khai");
        Check(EffectiveDate != earlier.EffectiveDate, "Ngày hiệu lực");
        Check(!Sectors.SequenceEqual(earlier.Sectors), "Lĩnh vực");
        Check(!LegalBasis.SequenceEqual(earlier.LegalBasis), "Căn cứ pháp lý");
        Check(!Products.SequenceEqual(earlier.Products), "Sản phẩm, hàng hóa");
        Check(Content != earlier.Content, "Nội dung");
        Check(Details != earlier.Details, "Thông tin chi tiết");
        Check(AppliesOrEveryone != earlier.AppliesOrEveryone, "Đối tượng áp dụng");
        return changes;
    }

    /// <summary>The row that saves this version again; the way to change one aspect and keep the rest.</summary>
    public RegulationRow ToRow() => new()
    {
        Code = Code,
        Kind = Domain.Registry.RegulationKinds.FromCode(Kind),
        Title = Title,
        AgencyCode = Agency,
        Status = Domain.Registry.RegulationStatuses.FromCode(Status),
        Published = Published,
        EffectiveDate = EffectiveDate is null ? null : DateOnly.ParseExact(EffectiveDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Sectors = Sectors,
        LegalBasis = LegalBasis.Select(b => b.Split('#', 2) is [var number, var article] ? new LegalBasisItem(number, article) : new LegalBasisItem(b, null)).ToList(),
        Products = Products.Select(p => p.Split(':', 2)).Select(p => new ProductItem(p[0], p[1])).ToList(),
        Content = Content,
        Details = Details,
        Applies = AppliesOrEveryone,
    };

    public static RegulationSnapshot From(RegulationRow row) => new()
    {
        Code = row.Code,
        Kind = Domain.Registry.RegulationKinds.Code(row.Kind),
        Title = row.Title,
        Agency = row.AgencyCode,
        Status = Domain.Registry.RegulationStatuses.Code(row.Status),
        Published = row.Published,
        EffectiveDate = row.EffectiveDate?.ToString("yyyy-MM-dd"),
        Sectors = row.Sectors,
        LegalBasis = row.LegalBasis.Select(b => b.Article is null ? b.Number : $"{b.Number}#{b.Article}").ToList(),
        Products = row.Products.Select(p => $"{p.HsCode}:{p.Name}").ToList(),
        Content = row.Content,
        Details = row.Details,
        Applies = row.Applies == ApplicabilityTags.Everyone ? null : row.Applies,
    };
}
