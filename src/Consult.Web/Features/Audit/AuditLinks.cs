using Consult.Domain.Text;
using Consult.Web.Features.Shared;

namespace Consult.Web.Features.Audit;

public static class AuditLinks
{
    public static string Index => "/audit";

    public static string Page(AuditTrail.Query q, int page) => Paths.WithQuery(Index,
        ("key", q.Key), ("agency", q.Agency), ("actor", q.Actor), ("action", q.Action),
        ("from", q.From?.ToString(IsoDate.Pattern)), ("to", q.To?.ToString(IsoDate.Pattern)), ("page", page.ToString()));
}
