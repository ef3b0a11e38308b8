namespace Consult.Domain.Import;

/// <summary>
/// The columns of the import files keep their English names (the file format), but a message names each with its meaning
/// in Vietnamese, so "Cột published (công khai)" rather than a bare identifier.
/// </summary>
public static class ImportColumns
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "mã", ["kind"] = "loại quy định", ["title"] = "tên", ["agency"] = "cơ quan", ["sectors"] = "lĩnh vực",
        ["legal_basis"] = "căn cứ pháp lý", ["status"] = "trạng thái", ["published"] = "công khai", ["effective_date"] = "ngày có hiệu lực",
        ["content"] = "nội dung", ["products"] = "sản phẩm, hàng hóa", ["processing_time"] = "thời hạn giải quyết", ["fees"] = "phí, lệ phí",
        ["implementing_body"] = "cơ quan thực hiện", ["dossier"] = "thành phần hồ sơ", ["result"] = "kết quả thực hiện",
        ["report_frequency"] = "tần suất báo cáo", ["report_recipient"] = "nơi nhận báo cáo", ["business_line"] = "ngành, nghề kinh doanh",
        ["business_lines"] = "ngành kinh tế áp dụng (VSIC)", ["legal_forms"] = "loại hình doanh nghiệp áp dụng", ["sizes"] = "quy mô áp dụng",
        ["provinces"] = "tỉnh, thành phố áp dụng", ["stage"] = "giai đoạn áp dụng",
        ["number"] = "số hiệu", ["type"] = "loại văn bản", ["issuer"] = "cơ quan ban hành", ["issued_on"] = "ngày ban hành",
        ["effective_on"] = "ngày có hiệu lực", ["expires_on"] = "ngày hết hiệu lực",
    };

    /// <summary>"published (công khai)"; a column the portal does not know is named as it is.</summary>
    public static string Name(string column) => Meanings.TryGetValue(column, out var meaning) ? $"{column} ({meaning})" : column;

    /// <summary>The workspace form's field for a column of the regulations file: "legal_basis" is LegalBasis.</summary>
    public static string Field(string column) =>
        string.Concat(column.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>"Cột published (công khai)".</summary>
    public static string Cell(string column) => $"Cột {Name(column)}";
}
