using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Feedback;

public static class FeedbackLinks
{
    public static string List(string? status = null, string? agency = null, string? regulation = null, int? page = null) =>
        WithQuery("/feedback", ("status", status), ("agency", agency), ("regulation", regulation), ("page", page?.ToString()));

    public static string Details(long id) => $"/feedback/{id}";

    public static string New(string? regulation = null) => WithQuery("/feedback/new", ("regulation", regulation));

    public static string Queue => "/feedback/queue";

    /// <summary>A step on one feedback: "transfer", "accept", "return", "answer", "rate", "hide" or "report".</summary>
    public static string Step(long id, string step) => $"/feedback/{id}/{step}";
}
