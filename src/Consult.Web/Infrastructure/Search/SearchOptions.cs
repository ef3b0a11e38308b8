namespace Consult.Web.Infrastructure.Search;

public sealed class SearchOptions
{
    /// <summary>The node's own index folder; relative paths are taken from the data directory.</summary>
    public string IndexDirectory { get; set; } = "index";

    /// <summary>How often the indexer looks for new changes and makes them searchable.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often indexed changes are made durable; after a crash the index catches up from the last one.</summary>
    public TimeSpan CommitEvery { get; set; } = TimeSpan.FromSeconds(1);
}
