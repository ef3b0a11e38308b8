using Consult.Web.Features.Shared;

namespace Consult.Web.Features.LegalDocuments;

public static class LegalDocumentLinks
{
    public static string List => "/legal-documents";

    public static string Page(Index.Query q, int page) =>
        Paths.WithQuery(List, ("type", q.Type), ("issuer", q.Issuer), ("year", q.Year), ("page", page.ToString()));

    public static string Details(long id) => $"/legal-documents/{id}";
}
