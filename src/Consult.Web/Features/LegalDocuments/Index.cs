using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.LegalDocuments;

/// <summary>The public list of legal documents, filtered by type, issuer and year, with how many regulations each creates.</summary>
public static class Index
{
    public const int PageSize = 50;

    /// <summary>Read leniently, like the search: an unreadable filter is ignored.</summary>
    public sealed record Query : IRequest<Result>
    {
        public string? Type { get; init; }
        public string? Issuer { get; init; }
        public string? Year { get; init; }
        public string? Page { get; init; }
    }

    /// <summary>A document as lists show it, with the regulations based on it that the reader may see.</summary>
    public sealed record Row
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string DocType { get; init; } = "";
        public string Title { get; init; } = "";
        public string Issuer { get; init; } = "";
        public string? IssuedOn { get; init; }
        public int Regulations { get; init; }
        /// <summary>A number made up for the demo.</summary>
        public bool Illustrative { get; init; }
    }

    /// <summary>The columns of a <see cref="Row"/> over <c>legal_document d</c>; needs the reader's <c>@SeesAll, @OwnAgency</c>.</summary>
    public const string RowColumns = $"""
        d.id, d.number, d.doc_type, d.title, d.issuer, d.issued_on, d.illustrative,
            (select count(distinct b.regulation_id) from regulation_basis b join regulation r on r.id = b.regulation_id
             where b.legal_document_id = d.id and {Visibility.Regulations}) regulations
        """;

    public sealed record Result(
        Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount,
        IReadOnlyList<LegalDocumentType> Types, IReadOnlyList<string> Issuers, IReadOnlyList<int> Years);

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            var type = Enum.TryParse<LegalDocumentType>(request.Type?.Trim(), ignoreCase: true, out var t) && Enum.IsDefined(t) ? t.ToString() : null;
            if (type is not null)
            {
                where.Add("d.doc_type = @type");
            }
            var issuer = string.IsNullOrWhiteSpace(request.Issuer) ? null : request.Issuer.Trim();
            if (issuer is not null)
            {
                where.Add("d.issuer = @issuer");
            }
            var year = int.TryParse(request.Year, out var y) && y is > 1900 and < 3000 ? y.ToString() : null;
            if (year is not null)
            {
                where.Add("substr(d.issued_on, 1, 4) = @year");
            }
            var filter = string.Join(" and ", where);
            var visibility = user.Visibility;
            var parameters = new { type, issuer, year, visibility.SeesAll, visibility.OwnAgency };
            var total = await db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) from legal_document d where {filter}", parameters, cancellationToken));
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(int.TryParse(request.Page, out var p) ? p : 1, 1, pageCount);
            var rows = await db.Connection.QueryAsync<Row>(db.Command(
                $"""
                select {RowColumns}
                from legal_document d
                where {filter}
                order by d.issued_on is null, d.issued_on desc, d.number
                limit {PageSize} offset {(page - 1) * PageSize}
                """, parameters, cancellationToken));
            var types = (await db.Connection.QueryAsync<string>(db.Command("select distinct doc_type from legal_document", null, cancellationToken)))
                .Select(name => Enum.TryParse<LegalDocumentType>(name, out var value) ? value : LegalDocumentType.Other).Distinct().Order().ToList();
            var issuers = (await db.Connection.QueryAsync<string>(db.Command("select distinct issuer from legal_document where issuer <> '' order by issuer", null, cancellationToken))).ToList();
            var years = (await db.Connection.QueryAsync<int>(db.Command(
                "select distinct cast(substr(issued_on, 1, 4) as integer) from legal_document where issued_on is not null order by 1 desc", null, cancellationToken))).ToList();
            return new Result(request, rows.ToList(), total, page, pageCount, types, issuers, years);
        }
    }
}
