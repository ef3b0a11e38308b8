using System.Runtime.CompilerServices;
using Consult.Domain.Registry;
using Consult.Domain.Search;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

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
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Regulations based on at least one document of this type.</summary>
    public LegalDocumentType? DocumentType { get; init; }
    /// <summary>Whether the reader may see a regulation, from its publication and agency; by default only published ones.</summary>
    public Func<bool, int, bool> Sees { get; init; } = (published, _) => published;
}

public sealed record Facets(
    IReadOnlyDictionary<RegulationKind, int> Kinds,
    IReadOnlyDictionary<int, int> Agencies,
    IReadOnlyDictionary<int, int> Sectors,
    IReadOnlyDictionary<RegulationStatus, int> Statuses,
    IReadOnlyDictionary<bool, int> Published,
    IReadOnlyDictionary<LegalDocumentType, int> DocumentTypes);

public sealed record SearchOutcome
{
    public required SearchQuery Query { get; init; }
    /// <summary>Every match the reader may see that passes the filters: exact, never estimated.</summary>
    public required int Total { get; init; }
    /// <summary>The best <c>take</c> matches in order (all of them when no limit was given).</summary>
    public required IReadOnlyList<long> Ids { get; init; }
    public required Facets Facets { get; init; }
    /// <summary>Legal documents the query cites or names, best first.</summary>
    public required IReadOnlyList<long> DocumentIds { get; init; }
    /// <summary>Citations no document on the portal answers to, as typed.</summary>
    public required IReadOnlyList<string> UnknownCitations { get; init; }
}

/// <summary>
/// Runs a registry search on this node's Lucene index. Every syllable must match (folded); BM25 ranks the
/// match with the title weighted highest, syllable pairs (words) and exact marks counting extra; a known
/// regulation code comes first. Filters, visibility and facet counts run over every match in one pass,
/// from the in-memory <see cref="RegistryFacts"/>, so totals are exact. No user text reaches a query parser:
/// queries are built from <see cref="SearchQuery"/>'s tokens.
/// </summary>
public sealed class SearchEngine(Db db, SearchIndex index, RegistryFacts facts, IOptions<SearchOptions> options)
{
    public const int MaxDocuments = 5;

    public async Task<SearchOutcome> SearchAsync(string? text, SearchFilters filters, SearchSort sort, int? take, CancellationToken cancellationToken)
    {
        await facts.CatchUpAsync(db, cancellationToken);
        var query = SearchQuery.Parse(text);
        var browsing = query.IsEmpty && query.Text.Length == 0;
        var tally = new Tally(facts, filters, sort, take ?? int.MaxValue, arrivesInOrder: browsing);
        var searcher = index.Acquire();
        try
        {
            var unknown = query.Citations
                .Where(c => searcher.IndexReader.DocFreq(new Term(IndexFields.DocumentCitation, c.Token)) == 0)
                .Select(c => c.Text).ToList();
            if (browsing)
            {
                // Browsing without words: every regulation, the registry's cached order is newest first.
                foreach (var id in facts.NewestFirst())
                {
                    tally.Add((int)id, 0f);
                }
            }
            else if (BuildQuery(query, searcher.IndexReader, options.Value.Weights) is { } luceneQuery)
            {
                searcher.Search(luceneQuery, new RegulationCollector(tally));
            }
            return new SearchOutcome
            {
                Query = query,
                Total = tally.Total,
                Ids = tally.Ordered(),
                Facets = tally.Facets(),
                DocumentIds = Documents(query, searcher),
                UnknownCitations = unknown,
            };
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>The Lucene query for a parsed search; null when nothing in it can match.</summary>
    private static Query? BuildQuery(SearchQuery query, IndexReader reader, RankingWeights weights)
    {
        var main = new BooleanQuery(disableCoord: true);
        foreach (var word in query.Words)
        {
            main.Add(new TermQuery(new Term(IndexFields.All, word.Folded)), Occur.MUST);
            main.Add(Boost(new TermQuery(new Term(IndexFields.Title, word.Folded)), weights.Title), Occur.SHOULD);
            if (word.Accented is not null)
            {
                main.Add(Boost(new TermQuery(new Term(IndexFields.Accented, word.Accented)), weights.Accent), Occur.SHOULD);
            }
        }
        foreach (var pair in query.Pairs.Distinct())
        {
            main.Add(Boost(new TermQuery(new Term(IndexFields.Pairs, pair)), weights.Pair), Occur.SHOULD);
            main.Add(Boost(new TermQuery(new Term(IndexFields.TitlePairs, pair)), weights.TitlePair), Occur.SHOULD);
        }
        foreach (var phrase in query.Phrases)
        {
            main.Add(Phrase(phrase), Occur.MUST);
        }
        if (query.Prefix is { } prefix)
        {
            main.Add(new PrefixQuery(new Term(IndexFields.All, prefix)), Occur.MUST);
            main.Add(Boost(new PrefixQuery(new Term(IndexFields.Title, prefix)), weights.Title), Occur.SHOULD);
            if (query.PrefixPair is { } pair)
            {
                main.Add(Boost(new PrefixQuery(new Term(IndexFields.Pairs, pair)), weights.Pair), Occur.SHOULD);
                main.Add(Boost(new PrefixQuery(new Term(IndexFields.TitlePairs, pair)), weights.TitlePair), Occur.SHOULD);
            }
        }
        foreach (var citation in query.Citations)
        {
            main.Add(new TermQuery(new Term(IndexFields.Citation, citation.Token)), Occur.MUST);
        }
        var knownCodes = new List<Query>();
        foreach (var code in query.Codes)
        {
            var key = new Term(IndexFields.Code, RegulationCode.Key(code));
            if (reader.DocFreq(key) > 0)
            {
                knownCodes.Add(Boost(new TermQuery(key), RankingWeights.Code));
            }
            else if (SearchText.Folded(code) is { Count: > 0 } tokens)
            {
                main.Add(Phrase(tokens), Occur.MUST);
            }
        }
        var hasRequired = main.Clauses.Any(c => c.Occur == Occur.MUST);
        if (knownCodes.Count == 0)
        {
            return hasRequired ? main : null;
        }
        // A known code is an answer of its own: that regulation first, then whatever the rest matches.
        var either = new BooleanQuery(disableCoord: true);
        if (hasRequired)
        {
            either.Add(main, Occur.SHOULD);
        }
        foreach (var code in knownCodes)
        {
            either.Add(code, Occur.SHOULD);
        }
        return either;
    }

    /// <summary>Documents cited by the query, or named by it ("luật doanh nghiệp").</summary>
    private static List<long> Documents(SearchQuery query, IndexSearcher searcher)
    {
        if (query.Citations.Count == 0 && !query.NamesDocumentType)
        {
            return [];
        }
        var documents = new BooleanQuery(disableCoord: true);
        foreach (var citation in query.Citations)
        {
            documents.Add(new TermQuery(new Term(IndexFields.DocumentCitation, citation.Token)), Occur.MUST);
        }
        foreach (var word in query.Words)
        {
            documents.Add(new TermQuery(new Term(IndexFields.DocumentAll, word.Folded)), Occur.MUST);
        }
        var leaves = searcher.IndexReader.Leaves;
        return searcher.Search(documents, MaxDocuments).ScoreDocs
            .Select(hit => leaves[ReaderUtil.SubIndex(hit.Doc, leaves)] is var leaf
                ? leaf.AtomicReader.GetNumericDocValues(IndexFields.DocumentId)?.Get(hit.Doc - leaf.DocBase) ?? 0
                : 0)
            .Where(id => id > 0)
            .ToList();
    }

    private static Query Phrase(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(IndexFields.All, tokens[0]));
        }
        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(IndexFields.All, token));
        }
        return phrase;
    }

    private static Query Boost(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    /// <summary>Feeds every matching regulation (never a legal document) to the tally with its score.</summary>
    private sealed class RegulationCollector(Tally tally) : ICollector
    {
        private static readonly ConditionalWeakTable<object, int[]> IdsBySegment = new();
        private Scorer? _scorer;
        private int[] _ids = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) =>
            _ids = IdsBySegment.GetValue(context.AtomicReader.CoreCacheKey, _ => ReadIds(context.AtomicReader));

        public void Collect(int doc)
        {
            var id = _ids[doc];
            if (id != 0)
            {
                tally.Add(id, _scorer!.GetScore());
            }
        }

        // A segment's documents never change, so its id array is read once and kept while the segment lives.
        private static int[] ReadIds(AtomicReader reader)
        {
            var ids = new int[reader.MaxDoc];
            if (reader.GetNumericDocValues(IndexFields.RegulationId) is { } values)
            {
                for (var doc = 0; doc < ids.Length; doc++)
                {
                    ids[doc] = (int)values.Get(doc);
                }
            }
            return ids;
        }
    }
}
