using Consult.Domain.Registry;
using Consult.Domain.Search;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Search;

/// <summary>Search the registry: the page, the API and the CSV download all ask this.</summary>
public static class Search
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

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
        public string? Page { get; init; }
        public string? PageSize { get; init; }
        /// <summary>For downloads: every result, not one page.</summary>
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
        public required bool IsEstimate { get; init; }
        public required int Page { get; init; }
        public required int PageSize { get; init; }
        public required int PageCount { get; init; }
        public required SearchSort Sort { get; init; }
        public required IReadOnlyList<Hit> Hits { get; init; }
        public required IReadOnlyList<FacetValue> Kinds { get; init; }
        public required IReadOnlyList<FacetValue> Agencies { get; init; }
        public required IReadOnlyList<FacetValue> Sectors { get; init; }
        public required IReadOnlyList<FacetValue> Statuses { get; init; }
        public required IReadOnlyList<FacetValue> Publication { get; init; }
        public required IReadOnlyList<string> UnknownDocumentNumbers { get; init; }
        public required IReadOnlyList<string> Notices { get; init; }
    }

    public sealed class Handler(Db db, SearchEngine engine, RegistryFacts facts, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var notices = new List<string>();
            facts.CatchUp(db.Connection, db.Transaction);
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
                Sees = user.Sees,
            };
            var sort = string.Equals(request.Sort, "newest", StringComparison.OrdinalIgnoreCase) ? SearchSort.Newest : SearchSort.Relevance;
            var pageSize = Math.Clamp(int.TryParse(request.PageSize, out var size) ? size : DefaultPageSize, 1, MaxPageSize);

            var outcome = await engine.SearchAsync(request.Q, filters, sort, cancellationToken);
            var pageCount = Math.Max(1, (outcome.Ids.Count + pageSize - 1) / pageSize);
            var page = Math.Clamp(int.TryParse(request.Page, out var p) ? p : 1, 1, pageCount);
            var pageIds = request.AllPages ? outcome.Ids : outcome.Ids.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var hits = await LoadHitsAsync(pageIds, outcome.Query);
            if (outcome.TitlesOnly)
            {
                notices.Add("Tìm theo phần đầu của từ (dấu *) chỉ tìm trong tên quy định.");
            }
            if (outcome.IsEstimate)
            {
                notices.Add($"Có rất nhiều kết quả: số lượng là ước tính và chỉ {SearchEngine.MatchCap:N0} kết quả mới nhất được liệt kê. Thêm từ khóa hoặc bộ lọc để thu hẹp.");
            }
            else if (outcome.RankedNewestOnly)
            {
                notices.Add($"Từ khóa phổ biến: quy định có tên khớp được xếp trước, các kết quả khác xếp theo mức độ liên quan trong {SearchEngine.RankBudget:N0} kết quả mới nhất.");
            }

            return new Result
            {
                Query = request,
                Text = outcome.Query.Text,
                Total = outcome.Total,
                IsEstimate = outcome.IsEstimate,
                Page = page,
                PageSize = pageSize,
                PageCount = pageCount,
                Sort = sort,
                Hits = hits,
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
                UnknownDocumentNumbers = outcome.UnknownDocumentNumbers,
                Notices = notices,
            };
        }

        private async Task<IReadOnlyList<Hit>> LoadHitsAsync(IReadOnlyList<long> ids, SearchQuery query)
        {
            if (ids.Count == 0)
            {
                return [];
            }
            var rows = (await db.Connection.QueryAsync<Hit>(
                $"""
                select {Hit.Columns}, r.content
                from regulation r join agency a on a.id = r.agency_id
                where r.id in @ids
                """, new { ids }, db.Transaction)).ToDictionary(h => h.Id);
            var tokens = query.HighlightTokens();
            return ids.Where(rows.ContainsKey).Select(id => rows[id] with
            {
                TitleParts = Snippet.Build(rows[id].Title, tokens, maxChars: int.MaxValue / 2),
                Snippet = Snippet.Build(rows[id].Content, tokens),
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
}
