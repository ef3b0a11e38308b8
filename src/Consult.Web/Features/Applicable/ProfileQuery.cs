using Consult.Domain.Applicability;

namespace Consult.Web.Features.Applicable;

/// <summary>A business profile read from the URL once, checked against the reference lists, and written back to one.</summary>
public static class ProfileQuery
{
    private static readonly char[] Separators = [',', ';', ' ', '\n', '\r', '\t'];

    public static (BusinessProfile? Profile, IReadOnlyList<string> Errors) Read(ApplicableRegulations.Query query, BusinessReference.Lists lists)
    {
        var errors = new List<string>();
        var lines = new List<string>();
        foreach (var code in query.Lines.SelectMany(l => (l ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)).Select(VsicCode.Normalize).Distinct())
        {
            if (lists.Line(code) is null)
            {
                errors.Add($"Không có ngành mã \"{code}\" trong danh mục VSIC; tìm ngành theo tên hoặc mã.");
            }
            else
            {
                lines.Add(code);
            }
        }
        if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add("Chọn ít nhất một ngành, nghề kinh doanh.");
        }
        LegalForm? form = null;
        if (!string.IsNullOrWhiteSpace(query.Form))
        {
            form = ProfileTerms.TryForm(query.Form, out var f) ? f : null;
            if (form is null)
            {
                errors.Add($"Loại hình \"{query.Form}\" không có; chọn trong danh sách.");
            }
        }
        BusinessSize? size = null;
        if (!string.IsNullOrWhiteSpace(query.Size))
        {
            size = ProfileTerms.TrySize(query.Size, out var s) ? s : null;
            if (size is null)
            {
                errors.Add($"Quy mô \"{query.Size}\" không có; chọn trong danh sách.");
            }
        }
        string? province = null;
        if (!string.IsNullOrWhiteSpace(query.Province))
        {
            province = lists.Provinces.FirstOrDefault(p => p.Code == query.Province.Trim())?.Code;
            if (province is null)
            {
                errors.Add($"Không có tỉnh, thành phố mã \"{query.Province}\"; dùng mã sau sắp xếp năm 2025, ví dụ 01 là Hà Nội.");
            }
        }
        return errors.Count > 0 ? (null, errors) : (new BusinessProfile(lines, form, size, province), []);
    }

    /// <summary>A saved profile's query string (<see cref="ToQueryString"/>); it was checked when saved.</summary>
    public static BusinessProfile FromStored(string query)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query);
        string? One(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return new BusinessProfile(
            (One("lines") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            ProfileTerms.TryForm(One("form"), out var form) ? form : null,
            ProfileTerms.TrySize(One("size"), out var size) ? size : null,
            One("province"));
    }

    /// <summary>The query string that opens this profile again.</summary>
    public static string ToQueryString(BusinessProfile profile)
    {
        var parts = new List<string> { "lines=" + Uri.EscapeDataString(string.Join(',', profile.Lines)) };
        if (profile.Form is { } form)
        {
            parts.Add("form=" + ProfileTerms.Code(form));
        }
        if (profile.Size is { } size)
        {
            parts.Add("size=" + ProfileTerms.Code(size));
        }
        if (profile.Province is { } province)
        {
            parts.Add("province=" + province);
        }
        return string.Join('&', parts);
    }
}
