namespace Consult.Web.Infrastructure.Search;

public sealed class SearchOptions
{
    /// <summary>The node's own index folder; relative paths are taken from the data directory.</summary>
    public string IndexDirectory { get; set; } = "index";

    /// <summary>How often the indexer looks for new changes and makes them searchable.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often indexed changes are made durable; after a crash the index catches up from the last one.</summary>
    public TimeSpan CommitEvery { get; set; } = TimeSpan.FromSeconds(1);

    public RankingWeights Weights { get; set; } = new();
}

/// <summary>
/// How much each kind of evidence adds to BM25 over all the text. The defaults were tuned on the judged
/// query set (tests/Consult.Benchmarks/relevance.tsv; `--tune` in the benchmark program), not guessed.
/// </summary>
public sealed record RankingWeights
{
    /// <summary>A known regulation code typed in the query: that regulation first, whatever else matches.</summary>
    public const float Code = 1_000f;

    /// <summary>A syllable found in the title.</summary>
    public float Title { get; init; } = 3f;
    /// <summary>A syllable found exactly as typed with its marks.</summary>
    public float Accent { get; init; } = 1.5f;
    /// <summary>Two syllables typed side by side found side by side: a Vietnamese word.</summary>
    public float Pair { get; init; } = 8f;
    /// <summary>The same pair in the title.</summary>
    public float TitlePair { get; init; } = 1f;
}
