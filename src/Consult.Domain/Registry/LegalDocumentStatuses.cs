namespace Consult.Domain.Registry;

/// <summary>Whether a legal document is in force, as the registry records it.</summary>
public static class LegalDocumentStatuses
{
    public static IReadOnlyList<string> All { get; } = ["in_force", "draft", "expired", "unknown"];

    public static string Label(string code) => code switch
    {
        "in_force" => "Còn hiệu lực",
        "draft" => "Dự thảo",
        "expired" => "Hết hiệu lực",
        _ => "Chưa cập nhật",
    };
}
