namespace Consult.Domain.Accounts;

/// <summary>What a registered user is; shown beside their comments.</summary>
public enum UserKind
{
    Business,
    Association,
    Citizen,
    Expert,
    Government,
}

public static class UserKinds
{
    public static IReadOnlyList<UserKind> All { get; } = Enum.GetValues<UserKind>();

    public static string Code(UserKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out UserKind kind) =>
        Enum.TryParse(code, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(code, out _);

    public static string Label(UserKind kind) => kind switch
    {
        UserKind.Business => "Doanh nghiệp",
        UserKind.Association => "Hiệp hội",
        UserKind.Citizen => "Cá nhân",
        UserKind.Expert => "Chuyên gia",
        UserKind.Government => "Cơ quan nhà nước",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The roles staff hold; public users hold none.</summary>
public static class Roles
{
    public const string Editor = "editor";
    public const string Lead = "lead";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";
    /// <summary>A provincial office (Văn phòng UBND tỉnh) filing feedback compiled from its province's businesses.</summary>
    public const string ProvincialOffice = "province";
    /// <summary>A member of the Advisory Council for administrative-procedure reform.</summary>
    public const string Advisor = "advisor";

    public static IReadOnlyList<string> All { get; } = [Editor, Lead, Reviewer, Admin, ProvincialOffice, Advisor];

    /// <summary>Roles that belong to one agency.</summary>
    public static bool IsAgencyRole(string role) => role is Editor or Lead;

    public static string Label(string role) => role switch
    {
        Editor => "Cán bộ cập nhật",
        Lead => "Lãnh đạo đơn vị",
        Reviewer => "Cán bộ rà soát (VPCP)",
        Admin => "Quản trị hệ thống",
        ProvincialOffice => "Văn phòng UBND tỉnh (phản ánh, kiến nghị)",
        Advisor => "Thành viên Hội đồng tư vấn cải cách TTHC",
        _ => role,
    };
}
