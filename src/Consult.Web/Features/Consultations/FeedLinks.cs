using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Consultations;

/// <summary>The Atom feeds, one per thing a reader may follow.</summary>
public static class FeedLinks
{
    public static string Regulations(string? agency = null, string? sector = null) =>
        WithQuery("/feeds/regulations.atom", ("agency", agency), ("sector", sector));

    public static string Consultations => "/feeds/consultations.atom";

    public static string Feedback => "/feeds/feedback.atom";

    public static string Applicable(string? profileQuery) => WithQuery("/feeds/applicable.atom", profileQuery);
}
