using Consult.Domain.Text;

namespace Consult.Domain.Registry;

/// <summary>The six kinds of business regulation the government's own tables classify by.</summary>
public enum RegulationKind
{
    AdministrativeProcedure,
    BusinessCondition,
    TechnicalStandard,
    ReportingRegime,
    SpecialisedInspection,
    Prohibition,
}

public static class RegulationKinds
{
    public static readonly IReadOnlyList<RegulationKind> All = Enum.GetValues<RegulationKind>();

    /// <summary>The ASCII code used in CSV, URLs and the API.</summary>
    public static string Code(RegulationKind kind) => kind switch
    {
        RegulationKind.AdministrativeProcedure => "TTHC",
        RegulationKind.BusinessCondition => "YCDK",
        RegulationKind.TechnicalStandard => "TCQC",
        RegulationKind.ReportingRegime => "CDBC",
        RegulationKind.SpecialisedInspection => "KTCN",
        _ => "CAM",
    };

    /// <summary>The abbreviation as Vietnamese readers know it.</summary>
    public static string Abbreviation(RegulationKind kind) => kind switch
    {
        RegulationKind.AdministrativeProcedure => "TTHC",
        RegulationKind.BusinessCondition => "YCĐK",
        RegulationKind.TechnicalStandard => "TCQC",
        RegulationKind.ReportingRegime => "CĐBC",
        RegulationKind.SpecialisedInspection => "KTCN",
        _ => "CẤM",
    };

    public static string Label(RegulationKind kind) => kind switch
    {
        RegulationKind.AdministrativeProcedure => "Thủ tục hành chính",
        RegulationKind.BusinessCondition => "Yêu cầu, điều kiện kinh doanh",
        RegulationKind.TechnicalStandard => "Tiêu chuẩn, quy chuẩn kỹ thuật",
        RegulationKind.ReportingRegime => "Chế độ báo cáo",
        RegulationKind.SpecialisedInspection => "Kiểm tra chuyên ngành",
        _ => "Quy định cấm",
    };

    /// <summary>The kind of a stored code; stored codes are always valid.</summary>
    public static RegulationKind FromCode(string code) =>
        TryParse(code, out var kind) ? kind : throw new ArgumentException($"Unknown regulation kind {code}", nameof(code));

    /// <summary>Accepts TTHC, YCDK, YCĐK, cđbc, CẤM… in any case, with or without marks.</summary>
    public static bool TryParse(string? text, out RegulationKind kind)
    {
        var key = VietnameseFolding.Fold(text?.Trim()).ToUpperInvariant();
        foreach (var candidate in All)
        {
            if (Code(candidate) == key)
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}

public enum RegulationStatus
{
    InForce,
    Draft,
    Repealed,
}

public static class RegulationStatuses
{
    public static readonly IReadOnlyList<RegulationStatus> All = Enum.GetValues<RegulationStatus>();

    public static string Code(RegulationStatus status) => status switch
    {
        RegulationStatus.InForce => "in_force",
        RegulationStatus.Draft => "draft",
        _ => "repealed",
    };

    public static string Label(RegulationStatus status) => status switch
    {
        RegulationStatus.InForce => "Đang có hiệu lực",
        RegulationStatus.Draft => "Dự kiến ban hành",
        _ => "Đã bãi bỏ",
    };

    /// <summary>The status of a stored code; stored codes are always valid.</summary>
    public static RegulationStatus FromCode(string code) =>
        TryParse(code, out var status) ? status : throw new ArgumentException($"Unknown regulation status {code}", nameof(code));

    public static bool TryParse(string? text, out RegulationStatus status)
    {
        var key = text?.Trim().ToLowerInvariant();
        foreach (var candidate in All)
        {
            if (Code(candidate) == key)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
