using Consult.Domain.EffortIndex;
using Consult.Web.Features.EffortIndex;

namespace Consult.IntegrationTests.Features.EffortIndex;

public class IndexCacheConcurrencyTests
{
    private static IndexView View(string period) =>
        new(ReportingPeriod.Parse(period)!, false,
            new IndexSnapshot(period, 1, Methodology.Default, new DateOnly(2026, 12, 1), [], new Panel(0, 0, 0, 0), new Panel(0, 0, 0, 0)), []);

    [Fact]
    public async Task Readers_arriving_while_a_new_version_is_computed_get_the_view_it_replaces_and_the_first_reader_waits_for_the_new_one()
    {
        var cache = new IndexCache();
        var old = View("2026");
        Assert.Same(old, await cache.GetAsync("2026", "v1", () => Task.FromResult(old)));

        var computing = new TaskCompletionSource<IndexView>();
        var first = cache.GetAsync("2026", "v2", () => computing.Task);
        var meanwhile = cache.GetAsync("2026", "v2", () => throw new InvalidOperationException("computed twice"));
        Assert.False(first.IsCompleted);
        Assert.Same(old, await meanwhile);

        var fresh = View("2026");
        computing.SetResult(fresh);
        Assert.Same(fresh, await first);
        Assert.Same(fresh, await cache.GetAsync("2026", "v2", () => throw new InvalidOperationException("computed twice")));
        Assert.Equal(2, cache.Computed);
    }

    [Fact]
    public async Task A_failed_computation_is_tried_again_by_the_next_reader()
    {
        var cache = new IndexCache();
        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync("2026", "v1", () => Task.FromException<IndexView>(new TimeoutException())));
        var view = View("2026");
        Assert.Same(view, await cache.GetAsync("2026", "v1", () => Task.FromResult(view)));
    }
}
