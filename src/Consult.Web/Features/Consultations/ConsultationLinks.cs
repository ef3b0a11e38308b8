using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Consultations;

public static class ConsultationLinks
{
    public static string List(string? status = null, string? agency = null) =>
        WithQuery("/consultations", ("status", status), ("agency", agency));

    public static string Save => "/consultations";

    public static string New => "/consultations/new";

    public static string Details(long id, string? fragment = null) => WithFragment($"/consultations/{id}", fragment);

    public static string Comment(long id, long commentId) => Details(id, $"comment-{commentId}");

    public static string Opinion(long id, long opinionId) => Details(id, $"opinion-{opinionId}");

    public static string Edit(long id) => $"/consultations/{id}/edit";

    public static string NextRound(long id) => $"/consultations/{id}/next-round";

    public static string Window(long id) => $"/consultations/{id}/window";

    /// <summary>Closing early or extending: <paramref name="kind"/> is "close_early" or "extend" (the form's own kind).</summary>
    public static string WindowStep(long id, string kind) => $"/consultations/{id}/{kind}";

    public static string CloseEarly(long id) => WindowStep(id, "close_early");

    public static string Extend(long id) => WindowStep(id, "extend");

    public static string Comments(long id) => $"/consultations/{id}/comments";

    public static string AnswerComment(long id, long commentId) => $"/consultations/{id}/comments/{commentId}/answer";

    public static string RateAnswer(long id, long commentId) => $"/consultations/{id}/comments/{commentId}/rate";

    public static string HideComment(long id, long commentId) => $"/consultations/{id}/comments/{commentId}/hide";

    public static string ReportComment(long id, long commentId) => $"/consultations/{id}/comments/{commentId}/report";

    public static string WithdrawComment(long id, long commentId) => $"/consultations/{id}/comments/{commentId}/withdraw";

    public static string Report(long id) => $"/consultations/{id}/report";

    public static string NewOpinion(long id) => $"/consultations/{id}/opinions/new";

    public static string Opinions(long id) => $"/consultations/{id}/opinions";

    public static string HideOpinion(long id, long opinionId) => $"/consultations/{id}/opinions/{opinionId}/hide";

    public static string Answers(string? fragment = null) => WithFragment("/consultations/answers", fragment);

    public static string Attachment(long id) => $"/attachments/{id}";

    public static string Follow => "/follow";
}
