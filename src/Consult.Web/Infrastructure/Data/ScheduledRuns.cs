using Dapper;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// Claims of scheduled work in the shared database, so a job meant to run once per period runs on one node only,
/// whichever ticks first; a node that crashed mid-run leaves its period claimed and the next period picks up the rest.
/// </summary>
public sealed class ScheduledRuns(Db db, TimeProvider clock)
{
    /// <summary>This process, as the claims name it.</summary>
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>True when this node is the first to claim the current period of the job; periods are counted from the Unix epoch.</summary>
    public async Task<bool> ClaimAsync(string job, TimeSpan every, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seconds = Math.Max(1, (long)every.TotalSeconds);
        var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / seconds * seconds);
        var claimed = await db.Connection.ExecuteAsync(db.Command(
            """
            insert into scheduled_run (job, period_start, node, claimed_at) values (@job, @start, @node, @now)
            on conflict (job, period_start) do nothing
            """, new { job, start, node = Node, now }, cancellationToken)) == 1;
        if (claimed)
        {
            // The record of earlier periods is of no further use past a month.
            await db.Connection.ExecuteAsync(db.Command("delete from scheduled_run where job = @job and period_start < @old", new { job, old = start.AddDays(-31) }, cancellationToken));
        }
        return claimed;
    }
}
