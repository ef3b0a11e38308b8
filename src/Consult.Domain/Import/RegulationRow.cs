using System.Text.RegularExpressions;
using Consult.Domain.Applicability;
using Consult.Domain.Registry;
using Consult.Domain.Text;

namespace Consult.Domain.Import;

public sealed record LegalBasisItem(string Number, string? Article);

public sealed record ProductItem(string HsCode, string Name);

/// <summary>A problem with one column's value; the message is a Vietnamese sentence fragment.</summary>
public sealed record FieldError(string Column, string Message)
{
    public override string ToString() => $"{ImportColumns.Cell(Column)}: {Message}";
}

/// <summary>Kind-specific fields; each kind fills the ones its users need.</summary>
public sealed record RegulationDetails
{
    public string? ProcessingTime { get; init; }
    public string? Fees { get; init; }
    public string? ImplementingBody { get; init; }
    public string? Dossier { get; init; }
    public string? Result { get; init; }
    public string? ReportFrequency { get; init; }
    public string? ReportRecipient { get; init; }
    public string? BusinessLine { get; init; }

    /// <summary>Each field passed through <paramref name="change"/> with the name of its import column.</summary>
    public RegulationDetails Select(Func<string, string?, string?> change) => new()
    {
        ProcessingTime = change("processing_time", ProcessingTime),
        Fees = change("fees", Fees),
        ImplementingBody = change("implementing_body", ImplementingBody),
        Dossier = change("dossier", Dossier),
        Result = change("result", Result),
        ReportFrequency = change("report_frequency", ReportFrequency),
        ReportRecipient = change("report_recipient", ReportRecipient),
        BusinessLine = change("business_line", BusinessLine),
    };
}

/// <summary>One regulation as an import file states it, already checked.</summary>
public sealed record RegulationRow
{
    public required string Code { get; init; }
    public required RegulationKind Kind { get; init; }
    public required string Title { get; init; }
    public required string AgencyCode { get; init; }
    public required IReadOnlyList<string> Sectors { get; init; }
    public required IReadOnlyList<LegalBasisItem> LegalBasis { get; init; }
    public required RegulationStatus Status { get; init; }
    public required bool Published { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public required string Content { get; init; }
    public required IReadOnlyList<ProductItem> Products { get; init; }
    public required RegulationDetails Details { get; init; }
    public ApplicabilityTags Applies { get; init; } = ApplicabilityTags.Everyone;
}

/// <summary>
/// Checks a <see cref="RegulationInput"/> (a form or one row of an import file) and turns it into a
/// <see cref="RegulationRow"/>, or into Vietnamese messages naming the import column at fault (the form's field of the
/// same name, <see cref="ImportColumns.Field"/>). Pure: agencies are checked by the caller.
/// </summary>
public static partial class RegulationRowParser
{
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["code", "kind", "title", "agency", "sectors", "legal_basis", "status", "published", "effective_date", "content", "products"];

    /// <summary>The columns only some kinds fill: the workspace form shows a kind's own and saves only those.</summary>
    public static readonly IReadOnlyList<string> KindSpecificColumns =
        ["products", "processing_time", "fees", "implementing_body", "dossier", "result", "report_frequency", "report_recipient", "business_line"];

    /// <summary>Whom a regulation applies to (<see cref="ApplicabilityTags"/>); empty means everyone.</summary>
    public static readonly IReadOnlyList<string> ApplicabilityColumns = ["business_lines", "legal_forms", "sizes", "provinces", "stage"];

    public static readonly IReadOnlyList<string> OptionalColumns = [.. KindSpecificColumns.Where(c => c != "products"), .. ApplicabilityColumns];

    /// <summary>The kind-specific columns of one kind: a procedure's processing details, a report's frequency…</summary>
    public static IReadOnlyList<string> ColumnsOf(RegulationKind kind) => kind switch
    {
        RegulationKind.AdministrativeProcedure => ["processing_time", "fees", "implementing_body", "dossier", "result"],
        RegulationKind.BusinessCondition => ["business_line"],
        RegulationKind.ReportingRegime => ["report_frequency", "report_recipient"],
        RegulationKind.SpecialisedInspection => ["implementing_body", "products"],
        _ => [],
    };

    private const int MaxTitle = 500;
    private const int MaxContent = 100_000;

    [GeneratedRegex(@"^\d{4}(\.?\d{2}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex HsCodePattern();

    public static (RegulationRow? Row, IReadOnlyList<FieldError> Errors) Parse(RegulationInput input)
    {
        var errors = new List<FieldError>();

        var code = Text(input.Code);
        if (code.Length == 0)
        {
            errors.Add(new FieldError("code", "thiếu mã quy định."));
        }
        else if (!RegulationCode.IsValid(code))
        {
            errors.Add(new FieldError("code", $"mã \"{code}\" không hợp lệ (chỉ gồm chữ, số và . - _, tối đa 40 ký tự)."));
        }

        var kindText = Text(input.Kind);
        if (!RegulationKinds.TryParse(kindText, out var kind))
        {
            errors.Add(new FieldError("kind", $"loại \"{kindText}\" không hợp lệ; dùng TTHC, YCDK, TCQC, CDBC, KTCN hoặc CAM."));
        }

        var title = Text(input.Title);
        if (title.Length == 0)
        {
            errors.Add(new FieldError("title", "thiếu tên quy định."));
        }
        else if (title.Length > MaxTitle)
        {
            errors.Add(new FieldError("title", $"tên dài quá {MaxTitle} ký tự."));
        }

        var agency = AgencyCode.Normalize(Text(input.Agency));
        if (agency.Length == 0)
        {
            errors.Add(new FieldError("agency", "thiếu mã cơ quan."));
        }

        var sectors = Items(input.Sectors);
        if (sectors.Any(s => s.Length > 200))
        {
            errors.Add(new FieldError("sectors", "tên lĩnh vực dài quá 200 ký tự."));
        }

        var basis = new List<LegalBasisItem>();
        foreach (var item in input.LegalBasis.Select(b => new LegalBasisItem(Text(b.Number), Optional(b.Article))).Distinct())
        {
            if (!DocumentNumber.IsValid(item.Number))
            {
                errors.Add(new FieldError("legal_basis", $"\"{item.Number}\" không phải số hiệu văn bản (ví dụ 105/2017/NĐ-CP)."));
            }
            else
            {
                basis.Add(item);
            }
        }
        if (basis.Count == 0 && !errors.Any(e => e.Column == "legal_basis"))
        {
            errors.Add(new FieldError("legal_basis", "cần ít nhất một văn bản quy định."));
        }

        var statusText = Text(input.Status);
        if (!RegulationStatuses.TryParse(statusText, out var status))
        {
            errors.Add(new FieldError("status", $"trạng thái \"{statusText}\" không hợp lệ; dùng in_force, draft hoặc repealed."));
        }

        var publishedText = Text(input.Published);
        var published = publishedText.ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" or "" => (bool?)false,
            _ => null,
        };
        if (published is null)
        {
            errors.Add(new FieldError("published", $"\"{publishedText}\" không hợp lệ; dùng true hoặc false."));
        }

        DateOnly? effective = null;
        if (Text(input.EffectiveDate) is { Length: > 0 } dateText)
        {
            if (IsoDate.TryRead(dateText, out var date))
            {
                effective = date;
            }
            else
            {
                errors.Add(new FieldError("effective_date", $"ngày \"{dateText}\" không hợp lệ; dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd."));
            }
        }

        var content = Text(input.Content);
        if (content.Length > MaxContent)
        {
            errors.Add(new FieldError("content", $"nội dung dài quá {MaxContent} ký tự."));
        }

        var products = new List<ProductItem>();
        var productItems = Items(input.Products);
        if (productItems.Count > 0 && kind != RegulationKind.SpecialisedInspection)
        {
            errors.Add(new FieldError("products", "chỉ quy định kiểm tra chuyên ngành (KTCN) mới có danh mục sản phẩm, hàng hóa."));
        }
        else
        {
            foreach (var item in productItems)
            {
                var colon = item.IndexOf(':');
                var hs = colon < 0 ? "" : item[..colon].Trim();
                var name = colon < 0 ? "" : item[(colon + 1)..].Trim();
                if (!HsCodePattern().IsMatch(hs) || name.Length == 0)
                {
                    errors.Add(new FieldError("products", $"\"{item}\" phải có dạng MÃ_HS:TÊN với mã HS 4–10 chữ số (ví dụ 2208.20:Rượu mạnh)."));
                }
                else
                {
                    products.Add(new ProductItem(hs, name));
                }
            }
        }

        var applies = ReadApplicability(input, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new RegulationRow
        {
            Code = code,
            Kind = kind,
            Title = title,
            AgencyCode = agency,
            Sectors = sectors,
            LegalBasis = basis,
            Status = status,
            Published = published!.Value,
            EffectiveDate = effective,
            Content = content,
            Products = products,
            Details = input.Details.Select((_, value) => Optional(value)),
            Applies = applies,
        }, errors);
    }

    // Browsers post text areas with CRLF; one line ending keeps versions comparable.
    private static string Text(string? value) => VietnameseFolding.Compose(value).Replace("\r\n", "\n").Trim();

    private static string? Optional(string? value) => Text(value) is { Length: > 0 } text ? text : null;

    private static List<string> Items(IEnumerable<string> values) => values.Select(Text).Where(v => v.Length > 0).Distinct().ToList();

    [GeneratedRegex(@"^\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceCodePattern();

    /// <summary>The applicability columns: codes in the forms the API and the "applies to me" page use.</summary>
    private static ApplicabilityTags ReadApplicability(RegulationInput input, List<FieldError> errors)
    {
        List<T> Codes<T>(string column, IEnumerable<string> items, string what, Func<string, (bool Ok, T Value)> read)
        {
            var values = new List<T>();
            foreach (var item in Items(items))
            {
                if (read(item) is (true, var value))
                {
                    values.Add(value);
                }
                else
                {
                    errors.Add(new FieldError(column, $"\"{item}\" không phải {what}."));
                }
            }
            return values.Distinct().ToList();
        }
        var stageText = Text(input.Stage);
        if (stageText.Length > 0 && !ProfileTerms.TryStage(stageText, out _))
        {
            errors.Add(new FieldError("stage", $"\"{stageText}\" không hợp lệ; dùng entry (khi gia nhập thị trường), operation (trong quá trình hoạt động) hoặc để trống (cả hai)."));
        }
        return new ApplicabilityTags
        {
            Lines = Codes("business_lines", input.BusinessLines, "mã ngành VSIC (chữ cái A–U hoặc 2–5 chữ số)", item => VsicCode.Normalize(item) is var code && VsicCode.IsValid(code) ? (true, code) : (false, "")),
            Forms = Codes("legal_forms", input.LegalForms, "loại hình doanh nghiệp (dntn, tnhh, cophan, htx, hkd)", item => (ProfileTerms.TryForm(item, out var form), form)),
            Sizes = Codes("sizes", input.Sizes, "quy mô (sieunho, nho, vua, lon)", item => (ProfileTerms.TrySize(item, out var size), size)),
            Provinces = Codes("provinces", input.Provinces, "mã tỉnh, thành phố hai chữ số (ví dụ 01)", item => (ProvinceCodePattern().IsMatch(item), item)),
            Stage = ProfileTerms.TryStage(stageText, out var stage) ? stage : null,
        };
    }
}
