using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Workspace;

public static class WorkspaceLinks
{
    public static string Home => "/workspace";

    public static string NewRegulation => "/workspace/regulations/new";

    public static string SaveRegulation => "/workspace/regulations";

    public static string EditRegulation(string code) => $"/workspace/regulations/{Segment(code)}/edit";

    /// <summary>Repeal, suspension and the other status changes of a regulation.</summary>
    public static string ChangeRegulation(string code) => $"/workspace/regulations/{Segment(code)}/change";

    public static string Documents => "/workspace/documents";

    public static string NewDocument => "/workspace/documents/new";

    public static string EditDocument(long id) => $"/workspace/documents/{id}/edit";

    public static string Import => "/workspace/import";

    public static string ConfirmImport(string uploadId) => $"/workspace/import/{Segment(uploadId)}";
}
