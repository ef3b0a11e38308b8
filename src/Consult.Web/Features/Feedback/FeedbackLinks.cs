using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Feedback;

public static class FeedbackLinks
{
    public static string List(string? status = null, string? agency = null, string? regulation = null, int? page = null) =>
        WithQuery("/feedback", ("status", status), ("agency", agency), ("regulation", regulation), ("page", page?.ToString()));

    public static string Details(long id) => $"/feedback/{id}";

    public static string New(string? regulation = null) => WithQuery("/feedback/new", ("regulation", regulation));

    public static string Queue => "/feedback/queue";

    public static string Transfer(long id) => $"/feedback/{id}/transfer";

    public static string Accept(long id) => $"/feedback/{id}/accept";

    public static string Return(long id) => $"/feedback/{id}/return";

    public static string Answer(long id) => $"/feedback/{id}/answer";

    public static string Rate(long id) => $"/feedback/{id}/rate";

    public static string Hide(long id) => $"/feedback/{id}/hide";

    public static string Report(long id) => $"/feedback/{id}/report";
}
