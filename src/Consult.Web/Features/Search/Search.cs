using Consult.Domain.Registry;
using Consult.Domain.Search;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Search;

/// <summary>Search the registry: the page, the API and the CSV download all ask this.</summary>
public static class Search
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Deep enough for any reader; deeper pages would only make one request expensive.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Everything arrives as text and is read leniently: no query string can fail a search.</summary>
    public sealed record Query : IRequest<Result>
    {
        public string? Q { get; init; }
        public string? Kind { get; init; }
        public string? Agency { get; init; }
        public string? Sector { get; init; }
        public string? Status { get; init; }
        public string? Published { get; init; }
        public string? Sort { get; init; }
        /// <summary>Effective on or after (yyyy-mm-dd or dd/mm/yyyy).</summary>
        public string? From { get; init; }
        /// <summary>Effective on or before.</summary>
        public string? To { get; init; }
        /// <summary>Type of a legal document the regulation is based on, e.g. Decree.</summary>
        public string? DocType { get; init; }
        public string? Page { get; init; }
        public string? PageSize { get; init; }
        /// <summary>For downloads: every result, not one page. Set by the server, never bound from a request.</summary>
        [BindNever]
        public bool AllPages { get; init; }
    }

    public sealed record Hit
    {
        /// <summary>What a hit reads, from <c>regulation r join agency a</c>.</summary>
        public const string Columns = "r.id, r.code, r.kind, r.title, r.status, r.published, r.effective_on, a.code agency_code, a.name agency_name";

        private readonly IReadOnlyList<SnippetPart>? _titleParts;

        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Content { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Published { get; init; }
        public string? EffectiveOn { get; init; }
        public string AgencyCode { get; init; } = "";
        public string AgencyName { get; init; } = "";
        /// <summary>The title with search matches marked; the plain title when nothing was searched.</summary>
        public IReadOnlyList<SnippetPart> TitleParts { get => _titleParts ?? [new SnippetPart(Title, false)]; init => _titleParts = value; }
        public IReadOnlyList<SnippetPart> Snippet { get; init; } = [];
        /// <summary>The open consultation that asks about this regulation, marked in search results.</summary>
        public long? ConsultationId { get; init; }

        public RegulationKind KindValue => RegulationKinds.FromCode(Kind);
        public RegulationStatus StatusValue => RegulationStatuses.FromCode(Status);
        public string SnippetText => string.Concat(Snippet.Select(p => p.Text));
    }

    public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

    public sealed record Result
    {
        public required Query Query { get; init; }
        public required string Text { get; init; }
        public required int Total { get; init; }
        public required int Page { get; init; }
        public required int PageSize { get; init; }
        public required int PageCount { get; init; }
        public required SearchSort Sort { get; init; }
        public required IReadOnlyList<Hit> Hits { get; init; }
        /// <summary>Every match in order, for downloads (<see cref="Query.AllPages"/>); otherwise the page's.</summary>
        public required IReadOnlyList<long> Ids { get; init; }
        public required IReadOnlyList<FacetValue> Kinds { get; init; }
        public required IReadOnlyList<FacetValue> Agencies { get; init; }
        public required IReadOnlyList<FacetValue> Sectors { get; init; }
        public required IReadOnlyList<FacetValue> Statuses { get; init; }
        public required IReadOnlyList<FacetValue> Publication { get; init; }
        public required IReadOnlyList<FacetValue> DocumentTypes { get; init; }
        /// <summary>Legal documents the query cites or names, listed above the regulations.</summary>
        public required IReadOnlyList<LegalDocuments.Index.Row> Documents { get; init; }
        /// <summary>Citations in the query that no document on the portal answers to.</summary>
        public required IReadOnlyList<string> UnknownDocumentNumbers { get; init; }
        public required IReadOnlyList<string> Notices { get; init; }
    }

    public sealed class Handler(Db db, SearchEngine engine, RegistryFacts facts, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var notices = new List<string>();
            await facts.CatchUpAsync(db, cancellationToken);
            var agencies = facts.Agencies;
            var sectors = facts.Sectors;

            var filters = new SearchFilters
            {
                Kind = Lenient<RegulationKind>(request.Kind, RegulationKinds.TryParse, "loại quy định", notices),
                Status = Lenient<RegulationStatus>(request.Status, RegulationStatuses.TryParse, "tình trạng", notices),
                AgencyId = Lenient<int>(request.Agency, (string? t, out int id) =>
                {
                    id = agencies.FirstOrDefault(a => string.Equals(a.Code, t?.Trim(), StringComparison.OrdinalIgnoreCase))?.Id ?? 0;
                    return id != 0;
                }, "cơ quan", notices),
                SectorId = Lenient<int>(request.Sector, (string? t, out int id) =>
                {
                    id = int.TryParse(t, out var parsed) && sectors.Any(s => s.Id == parsed) ? parsed : 0;
                    return id != 0;
                }, "lĩnh vực", notices),
                Published = Lenient<bool>(request.Published, bool.TryParse, "công khai", notices),
                EffectiveFrom = Lenient<DateOnly>(request.From, IsoDate.TryRead, "hiệu lực từ ngày", notices),
                EffectiveTo = Lenient<DateOnly>(request.To, IsoDate.TryRead, "hiệu lực đến ngày", notices),
                DocumentType = Lenient<LegalDocumentType>(request.DocType, (string? t, out LegalDocumentType type) =>
                    Enum.TryParse(t?.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type), "loại văn bản", notices),
                Sees = user.Sees,
            };
            var sort = string.Equals(request.Sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance;
            var pageSize = Math.Clamp(int.TryParse(request.PageSize, out var size) ? size : DefaultPageSize, 1, MaxPageSize);
            var requestedPage = Math.Clamp(int.TryParse(request.Page, out var p) ? p : 1, 1, MaxPage);

            var outcome = await engine.SearchAsync(request.Q, filters, sort, request.AllPages ? null : requestedPage * pageSize, cancellationToken);
            var pageCount = Math.Max(1, (outcome.Total + pageSize - 1) / pageSize);
            var page = Math.Min(requestedPage, pageCount);
            var pageIds = request.AllPages ? outcome.Ids : outcome.Ids.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            // A download is written in batches by its caller (ExportRows); a page loads its hits with snippets here.
            var hits = request.AllPages ? [] : await LoadHitsAsync(pageIds, outcome.Query, cancellationToken);

            return new Result
            {
                Query = request,
                Text = outcome.Query.Text,
                Total = outcome.Total,
                Page = page,
                PageSize = pageSize,
                PageCount = pageCount,
                Sort = sort,
                Hits = hits,
                Ids = pageIds,
                Kinds = RegulationKinds.All
                    .Select(k => new FacetValue(RegulationKinds.Code(k), RegulationKinds.Label(k), outcome.Facets.Kinds.GetValueOrDefault(k), filters.Kind == k))
                    .ToList(),
                Agencies = agencies
                    .Select(a => new FacetValue(a.Code, a.Name, outcome.Facets.Agencies.GetValueOrDefault(a.Id), filters.AgencyId == a.Id))
                    .Where(f => f.Count > 0 || f.Selected).OrderByDescending(f => f.Count).ToList(),
                Sectors = sectors
                    .Select(s => new FacetValue(s.Id.ToString(), s.Name, outcome.Facets.Sectors.GetValueOrDefault(s.Id), filters.SectorId == s.Id))
                    .Where(f => f.Count > 0 || f.Selected).OrderByDescending(f => f.Count).ToList(),
                Statuses = RegulationStatuses.All
                    .Select(s => new FacetValue(RegulationStatuses.Code(s), RegulationStatuses.Label(s), outcome.Facets.Statuses.GetValueOrDefault(s), filters.Status == s))
                    .ToList(),
                Publication = new[] { true, false }
                    .Select(b => new FacetValue(b ? "true" : "false", b ? "Đã công khai" : "Chưa công khai", outcome.Facets.Published.GetValueOrDefault(b), filters.Published == b))
                    .ToList(),
                DocumentTypes = Enum.GetValues<LegalDocumentType>()
                    .Select(t => new FacetValue(t.ToString(), DocumentNumber.Label(t), outcome.Facets.DocumentTypes.GetValueOrDefault(t), filters.DocumentType == t))
                    .Where(f => f.Count > 0 || f.Selected).OrderByDescending(f => f.Count).ToList(),
                Documents = await LoadDocumentsAsync(outcome.DocumentIds, cancellationToken),
                UnknownDocumentNumbers = outcome.UnknownCitations,
                Notices = notices,
            };
        }

        private async Task<IReadOnlyList<LegalDocuments.Index.Row>> LoadDocumentsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }
            var rows = (await db.Connection.QueryAsync<LegalDocuments.Index.Row>(db.Command(
                $"select {LegalDocuments.Index.RowColumns} from legal_document d where d.id {db.Storage.In("@ids")}",
                new { ids, user.Visibility.SeesAll, user.Visibility.OwnAgency }, cancellationToken))).ToDictionary(d => d.Id);
            return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        }

        private async Task<IReadOnlyList<Hit>> LoadHitsAsync(IReadOnlyList<long> ids, SearchQuery query, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }
            var rows = (await db.Connection.QueryAsync<Hit>(db.Command(
                $"""
                select {Hit.Columns}, r.content
                from regulation r join agency a on a.id = r.agency_id
                where r.id {db.Storage.In("@ids")}
                """, new { ids }, cancellationToken))).ToDictionary(h => h.Id);
            var tokens = query.HighlightTokens();
            var consultations = await Consultations.UnderConsultation.AmongAsync(db, clock, ids, cancellationToken);
            return ids.Where(rows.ContainsKey).Select(id => rows[id] with
            {
                TitleParts = Snippet.Build(rows[id].Title, tokens, maxChars: int.MaxValue / 2),
                Snippet = Snippet.Build(rows[id].Content, tokens),
                ConsultationId = consultations.TryGetValue(id, out var consultation) ? consultation : null,
            }).ToList();
        }

        private delegate bool TryParser<T>(string? text, out T value);

        /// <summary>An empty value means no filter; an unreadable one is ignored with a notice.</summary>
        private static T? Lenient<T>(string? text, TryParser<T> parse, string what, List<string> notices) where T : struct
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (parse(text, out var value))
            {
                return value;
            }
            notices.Add($"Bỏ qua bộ lọc {what} không hợp lệ.");
            return null;
        }
    }

    /// <summary>The answer of <c>/api/v1/regulations</c>, with the public addresses of what it finds.</summary>
    public static object Json(Result result, SiteLinks links) => new
    {
        total = result.Total,
        page = result.Page,
        pageSize = result.PageSize,
        items = result.Hits.Select(h => new
        {
            code = h.Code,
            kind = h.Kind,
            title = h.Title,
            agency = h.AgencyCode,
            status = h.Status,
            published = h.Published,
            snippet = h.SnippetText,
            url = links.Absolute(RegulationLinks.Details(h.Code)),
        }),
        documents = result.Documents.Select(d => new
        {
            number = d.Number,
            type = d.DocType,
            title = d.Title,
            url = links.Absolute(LegalDocumentLinks.Details(d.Id)),
        }),
    };

    /// <summary>The rows of a download, a batch of ids at a time, in the order given.</summary>
    public static class ExportRows
    {
        public const int BatchSize = 500;

        public const string Header = "code,kind,title,agency,status,published,effective_date,url";

        public static string[] Cells(Hit hit, SiteLinks links) =>
            [hit.Code, hit.Kind, hit.Title, hit.AgencyCode, hit.Status, hit.Published ? "true" : "false", hit.EffectiveOn ?? "", links.Absolute(RegulationLinks.Details(hit.Code))];

        public sealed record Query(IReadOnlyList<long> Ids) : IRequest<IReadOnlyList<Hit>>;

        public sealed class Handler(Db db) : IRequestHandler<Query, IReadOnlyList<Hit>>
        {
            public async Task<IReadOnlyList<Hit>> Handle(Query request, CancellationToken cancellationToken)
            {
                var rows = (await db.Connection.QueryAsync<Hit>(db.Command(
                    $"select {Hit.Columns} from regulation r join agency a on a.id = r.agency_id where r.id {db.Storage.In("@Ids")}",
                    request, cancellationToken))).ToDictionary(h => h.Id);
                return request.Ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
            }
        }
    }
}
