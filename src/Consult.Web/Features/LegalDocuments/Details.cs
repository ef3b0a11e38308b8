using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.LegalDocuments;

/// <summary>A legal document (VBQPPL) and the regulations it creates, with their status.</summary>
public static class Details
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Document
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string DocType { get; init; } = "";
        public string Title { get; init; } = "";
        public string Issuer { get; init; } = "";
        public string? IssuedOn { get; init; }
        public string? EffectiveOn { get; init; }
        public string? ExpiresOn { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
        /// <summary>The agency that maintains the record.</summary>
        public int? AgencyId { get; init; }
        public string? AgencyCode { get; init; }

        public bool Illustrative { get; init; }
        public string TypeLabel => DocumentNumber.Label(DocType);

        public string StatusLabel => Domain.Registry.LegalDocumentStatuses.Label(Status);
    }

    public sealed record Result(Document Document, IReadOnlyList<Search.Search.Hit> Regulations, IReadOnlyDictionary<long, string> Articles);

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.Connection.QuerySingleOrDefaultAsync<Document>(db.Command(
                "select d.*, a.code agency_code from legal_document d left join agency a on a.id = d.agency_id where d.id = @Id", request, cancellationToken));
            if (document is null)
            {
                return null;
            }
            var rows = (await db.Connection.QueryAsync<Search.Search.Hit, string, (Search.Search.Hit Hit, string Article)>(db.Command(
                $"""
                select {Search.Search.Hit.Columns}, b.article
                from regulation_basis b
                join regulation r on r.id = b.regulation_id
                join agency a on a.id = r.agency_id
                where b.legal_document_id = @Id and {Visibility.Regulations}
                order by r.kind, r.code
                """, user.Visibility.With(request), cancellationToken),
                (Search.Search.Hit hit, string article) => (hit, article), splitOn: "article")).ToList();
            return new Result(
                document,
                rows.Select(r => r.Hit).DistinctBy(h => h.Id).ToList(),
                rows.GroupBy(r => r.Hit.Id).ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => r.Article).Where(a => a.Length > 0))));
        }
    }
}
