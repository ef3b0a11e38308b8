using Consult.Domain.Registry;
using Consult.Domain.Search;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

public sealed record SearchFilters
{
    public RegulationKind? Kind { get; init; }
    public int? AgencyId { get; init; }
    public int? SectorId { get; init; }
    public RegulationStatus? Status { get; init; }
    public bool? Published { get; init; }
    /// <summary>Whether the reader may see a regulation, from its publication and agency; by default only published ones.</summary>
    public Func<bool, int, bool> Sees { get; init; } = (published, _) => published;
}

public sealed record Facets(
    IReadOnlyDictionary<RegulationKind, int> Kinds,
    IReadOnlyDictionary<int, int> Agencies,
    IReadOnlyDictionary<int, int> Sectors,
    IReadOnlyDictionary<RegulationStatus, int> Statuses,
    IReadOnlyDictionary<bool, int> Published);

public sealed record SearchOutcome
{
    public required SearchQuery Query { get; init; }
    public required int Total { get; init; }
    /// <summary>True when the query matched more than the engine reads, so counts are extrapolated.</summary>
    public required bool IsEstimate { get; init; }
    /// <summary>True when relevance ranking covered only the newest matches.</summary>
    public required bool RankedNewestOnly { get; init; }
    /// <summary>True for prefix queries, which search regulation names only.</summary>
    public required bool TitlesOnly { get; init; }
    public required IReadOnlyList<long> Ids { get; init; }
    public required Facets Facets { get; init; }
    public required IReadOnlyList<string> UnknownDocumentNumbers { get; init; }
}

/// <summary>
/// Plans and runs a registry search. FTS5 scores every match it ranks, so cost is bounded by
/// design: the newest <see cref="MatchCap"/> matches are read (filters and facets run on them in
/// memory, totals beyond are extrapolated); a small title index is ranked first, so regulations
/// whose name matches lead; bm25 over title and body then orders the newest
/// <see cref="RankBudget"/> matches; the rest follow newest first. Prefix queries run on titles
/// only, where the prefix index is small. Small result sets — the usual case — are exact.
/// </summary>
public sealed class SearchEngine(Db db, RegistryFacts facts)
{
    public const int MatchCap = 1_000;
    public const int RankBudget = 150;
    public const int TitleRankBudget = 300;
    private const int EnoughTitleMatches = 100;
    private const int ExactnessWindow = 50;

    public async Task<SearchOutcome> SearchAsync(string? text, SearchFilters filters, SearchSort sort, CancellationToken ct = default)
    {
        facts.CatchUp(db.Connection, db.Transaction);
        var query = SearchQuery.Parse(text);

        var pinned = new List<long>();
        var clauses = query.Clauses.ToList();
        if (query.Codes.Count > 0)
        {
            var keys = query.Codes.Select(RegulationCode.Key).ToList();
            var found = (await db.Connection.QueryAsync<(long Id, string CodeKey)>(
                "select id, code_key from regulation where code_key in @keys", new { keys }, db.Transaction)).ToList();
            pinned.AddRange(keys.SelectMany(k => found.Where(f => f.CodeKey == k).Select(f => f.Id)));
            var foundKeys = found.Select(f => f.CodeKey).ToHashSet();
            clauses.RemoveAll(c => c.FromCode is not null && foundKeys.Contains(RegulationCode.Key(c.FromCode)));
        }

        HashSet<long>? basedOn = null;
        var unknownNumbers = new List<string>();
        if (query.DocumentNumbers.Count > 0)
        {
            (basedOn, unknownNumbers) = await RegulationsBasedOnAsync(query.DocumentNumbers);
        }

        var expression = SearchQuery.ToFtsExpression(clauses);
        var titlesOnly = clauses.Any(c => c.Kind == ClauseKind.Prefix);
        List<long> titleMatches = [];
        List<long> matches;
        var scale = 1.0;
        if (clauses.Count > 0)
        {
            titleMatches = NewestMatches("search_title", expression);
            matches = titlesOnly ? titleMatches : NewestMatches("search_doc", expression);
            if (matches.Count == MatchCap)
            {
                scale = ExtrapolationScale(matches);
            }
            var older = titleMatches.Count > 0 && matches.Count > 0 ? titleMatches.Where(id => id < matches[^1]) : [];
            matches = [.. matches, .. older];
            if (basedOn is not null)
            {
                matches.RemoveAll(id => !basedOn.Contains(id));
            }
        }
        else if (basedOn is not null)
        {
            matches = basedOn.OrderDescending().ToList();
        }
        else if (query.Text.Length == 0)
        {
            matches = [.. facts.NewestFirst()];
        }
        else
        {
            // Only codes, or nothing searchable at all (punctuation, operators).
            matches = [];
        }

        var pinnedSet = pinned.ToHashSet();
        matches.RemoveAll(pinnedSet.Contains);
        var facetCounts = CountFacets(pinned.Concat(matches), filters);
        bool Selected(long id) => facts.Get(id) is { } f && Matches(f, filters);
        var selectedPinned = pinned.Where(Selected).ToList();
        var selected = matches.Where(Selected).ToList();

        var ordered = new List<long>(selectedPinned.Count + selected.Count);
        ordered.AddRange(selectedPinned);
        var rankedNewestOnly = false;
        if (sort == SearchSort.Relevance && clauses.Count > 0)
        {
            var remaining = selected.ToHashSet();
            void Place(IEnumerable<long> ids)
            {
                ordered.AddRange(ids.Where(remaining.Remove));
            }
            Place(Ranked("search_title", expression, titleMatches, TitleRankBudget));
            // Each bm25 pass first scans every match to weigh the terms; with pages of name matches
            // already in hand, the body pass is skipped and other matches follow newest first.
            var rankBody = !titlesOnly && titleMatches.Count < EnoughTitleMatches;
            if (rankBody)
            {
                Place(Ranked("search_doc", expression, matches, RankBudget));
            }
            Place(selected);
            rankedNewestOnly = titleMatches.Count > TitleRankBudget || (rankBody && matches.Count > RankBudget);
            if (query.MarkedWords.Count > 0)
            {
                await LiftExactMatchesAsync(ordered, selectedPinned.Count, query.MarkedWords);
            }
        }
        else if (clauses.Count == 0 && basedOn is null)
        {
            // Browsing without words: the registry's cached order is already newest first.
            ordered.AddRange(selected);
        }
        else
        {
            ordered.AddRange(selected.OrderByDescending(id => facts.Get(id)!.Value.NewestKey).ThenByDescending(id => id));
        }

        return new SearchOutcome
        {
            Query = query,
            Total = selectedPinned.Count + (int)Math.Round(selected.Count * scale),
            IsEstimate = scale > 1.0,
            RankedNewestOnly = rankedNewestOnly,
            TitlesOnly = titlesOnly,
            Ids = ordered,
            Facets = Scale(facetCounts, scale),
            UnknownDocumentNumbers = unknownNumbers,
        };
    }

    /// <summary>Ids of the newest matches, at most <see cref="MatchCap"/>; FTS5 walks rowids backwards and stops.</summary>
    private List<long> NewestMatches(string table, string expression)
    {
        using var command = db.Connection.CreateCommand();
        command.Transaction = db.Transaction;
        command.CommandText = $"select rowid from {table} where {table} match $match order by rowid desc limit {MatchCap}";
        command.Parameters.AddWithValue("$match", expression);
        return ReadIds(command, MatchCap);
    }

    /// <summary>bm25 order of the newest <paramref name="budget"/> of the given matches (newest first).</summary>
    private List<long> Ranked(string table, string expression, IReadOnlyList<long> newestFirst, int budget)
    {
        if (newestFirst.Count == 0)
        {
            return [];
        }
        using var command = db.Connection.CreateCommand();
        command.Transaction = db.Transaction;
        command.CommandText = $"select rowid from {table} where {table} match $match and rowid >= $bound order by rank limit {budget}";
        command.Parameters.AddWithValue("$match", expression);
        command.Parameters.AddWithValue("$bound", newestFirst[Math.Min(budget, newestFirst.Count) - 1]);
        return ReadIds(command, budget);
    }

    private static List<long> ReadIds(SqliteCommand command, int capacity)
    {
        var ids = new List<long>(Math.Min(capacity, 256));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    private async Task<(HashSet<long>, List<string>)> RegulationsBasedOnAsync(IReadOnlyList<string> numbers)
    {
        var keys = numbers.Select(DocumentNumber.Key).Distinct().ToList();
        var documents = (await db.Connection.QueryAsync<(long Id, string NumberKey)>(
            "select id, number_key from legal_document where number_key in @keys", new { keys }, db.Transaction)).ToList();
        var unknown = numbers.Where(n => documents.All(d => d.NumberKey != DocumentNumber.Key(n))).ToList();
        var ids = await db.Connection.QueryAsync<long>(
            "select distinct regulation_id from regulation_basis where legal_document_id in @documents",
            new { documents = documents.Select(d => d.Id).ToList() }, db.Transaction);
        return (unknown.Count > 0 ? [] : ids.ToHashSet(), unknown);
    }

    /// <summary>Among the top results, those containing the words exactly as typed, marks included, come first.</summary>
    private async Task LiftExactMatchesAsync(List<long> ordered, int fixedHead, IReadOnlyList<string> markedWords)
    {
        var window = ordered.Skip(fixedHead).Take(ExactnessWindow).ToList();
        if (window.Count < 2)
        {
            return;
        }
        var texts = (await db.Connection.QueryAsync<(long Id, string Title, string Content)>(
            "select id, title, substr(content, 1, 600) from regulation where id in @window", new { window }, db.Transaction))
            .ToDictionary(t => t.Id, t => (t.Title + "\n" + t.Content).ToLowerInvariant());
        int Exactness(long id)
        {
            if (!texts.TryGetValue(id, out var lowered))
            {
                return 0;
            }
            var words = Tokenizer.Tokens(lowered).ToHashSet();
            return markedWords.Count(words.Contains);
        }
        var lifted = window.Select((id, i) => (id, i, score: Exactness(id))).OrderByDescending(x => x.score).ThenBy(x => x.i).Select(x => x.id);
        ordered.RemoveRange(fixedHead, window.Count);
        ordered.InsertRange(fixedHead, lifted);
    }

    private Facets CountFacets(IEnumerable<long> ids, SearchFilters filters)
    {
        var kinds = new int[RegulationKinds.All.Count];
        var statuses = new int[RegulationStatuses.All.Count];
        var published = new int[2];
        var agencies = new Dictionary<int, int>();
        var sectors = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            if (facts.Get(id) is not { } f || !filters.Sees(f.Published, f.AgencyId))
            {
                continue;
            }
            // Each facet counts what the other filters leave, so its choices stay visible.
            var kind = filters.Kind is null || f.Kind == filters.Kind;
            var agency = filters.AgencyId is null || f.AgencyId == filters.AgencyId;
            var sector = filters.SectorId is null || Array.IndexOf(f.SectorIds, filters.SectorId.Value) >= 0;
            var status = filters.Status is null || f.Status == filters.Status;
            var publication = filters.Published is null || f.Published == filters.Published;
            if (agency && sector && status && publication)
            {
                kinds[(int)f.Kind]++;
            }
            if (kind && sector && status && publication)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(agencies, f.AgencyId, out _)++;
            }
            if (kind && agency && status && publication)
            {
                foreach (var sectorId in f.SectorIds)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(sectors, sectorId, out _)++;
                }
            }
            if (kind && agency && sector && publication)
            {
                statuses[(int)f.Status]++;
            }
            if (kind && agency && sector && status)
            {
                published[f.Published ? 1 : 0]++;
            }
        }
        return new Facets(
            RegulationKinds.All.ToDictionary(k => k, k => kinds[(int)k]),
            agencies,
            sectors,
            RegulationStatuses.All.ToDictionary(k => k, k => statuses[(int)k]),
            new Dictionary<bool, int> { [false] = published[0], [true] = published[1] });
    }

    private static bool Matches(RegulationFact f, SearchFilters filters) =>
        filters.Sees(f.Published, f.AgencyId)
        && (filters.Kind is null || f.Kind == filters.Kind)
        && (filters.AgencyId is null || f.AgencyId == filters.AgencyId)
        && (filters.SectorId is null || Array.IndexOf(f.SectorIds, filters.SectorId.Value) >= 0)
        && (filters.Status is null || f.Status == filters.Status)
        && (filters.Published is null || f.Published == filters.Published);

    /// <summary>Ids are assigned in order, so the newest matches cover a known share of all ids.</summary>
    private static double ExtrapolationScale(IReadOnlyList<long> newestFirst)
    {
        var newest = newestFirst[0];
        var oldestRead = newestFirst[^1];
        return (double)newest / Math.Max(1, newest - oldestRead + 1);
    }

    private static Facets Scale(Facets facets, double scale)
    {
        if (scale == 1.0)
        {
            return facets;
        }
        Dictionary<TKey, int> S<TKey>(IReadOnlyDictionary<TKey, int> d) where TKey : notnull =>
            d.ToDictionary(kv => kv.Key, kv => (int)Math.Round(kv.Value * scale));
        return new Facets(S(facets.Kinds), S(facets.Agencies), S(facets.Sectors), S(facets.Statuses), S(facets.Published));
    }
}
