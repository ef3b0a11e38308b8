using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Search;

/// <summary>
/// Keeps this node's index up with the database: caught up before the node serves, then polled every
/// <see cref="SearchOptions.RefreshEvery"/>. Requests never wait for it; a save is searchable after the next tick.
/// Polling the shared change sequence also brings in writes made by other processes and other nodes.
/// </summary>
public sealed class SearchIndexer(SearchIndex index, StorageProvider storage, IOptions<SearchOptions> options, ILogger<SearchIndexer> log) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var indexed = index.CatchUp();
        log.LogInformation("Search index {Path} ready at change {Seq} ({Count} entries indexed on start).", index.Path, index.IndexedSeq, indexed);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Rows whose command committed without its stamp (a node stopped in between) are stamped first.
                    await ChangeSequence.SweepAsync(storage);
                    index.CatchUp();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Search index catch-up failed; retrying at the next tick.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        index.Commit();
    }
}
