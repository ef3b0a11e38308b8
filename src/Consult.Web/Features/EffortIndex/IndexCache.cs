namespace Consult.Web.Features.EffortIndex;

/// <summary>
/// Computed indexes, one per period, kept while the data stays the same. Every write advances the registry's
/// change sequence or appends an audit event in its transaction, so the pair (with the generation <c>reindex</c>
/// advances) names a version of the data; with the day (deadlines count in days) it decides whether a view can be
/// served again.
/// The reader who first asks after a change waits for the new computation; readers arriving while it runs are
/// served the view it replaces, so a burst of anonymous requests never queues behind it.
/// </summary>
public sealed class IndexCache
{
    private sealed record Entry(string Version, Task<IndexView> View, IndexView? Previous);

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly Lock _gate = new();
    private int _computed;

    /// <summary>How many views were computed rather than served again (for tests and monitoring).</summary>
    public int Computed => Volatile.Read(ref _computed);

    public Task<IndexView> GetAsync(string period, string version, Func<Task<IndexView>> compute)
    {
        lock (_gate)
        {
            var entry = _entries.GetValueOrDefault(period);
            if (entry is not null && entry.Version == version && !entry.View.IsFaulted)
            {
                return entry.View.IsCompletedSuccessfully || entry.Previous is null ? entry.View : Task.FromResult(entry.Previous);
            }
            Interlocked.Increment(ref _computed);
            var previous = entry?.View.IsCompletedSuccessfully == true ? entry.View.Result : entry?.Previous;
            var computing = compute();
            _entries[period] = new Entry(version, computing, previous);
            return computing;
        }
    }
}
