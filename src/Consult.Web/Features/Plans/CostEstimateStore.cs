using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Plans;

/// <summary>
/// Writes a regulation's cost estimate and keeps each version beside it, so a figure as of a past day (the index's year
/// before, a report as of a date) counts the estimate that stood then rather than today's.
/// </summary>
public sealed class CostEstimateStore(Db db, TimeProvider clock)
{
    public async Task SaveAsync(long regulationId, int year, string inputs, CancellationToken cancellationToken, long? userId = null) =>
        await db.Connection.ExecuteAsync(db.Command(
            """
            insert into cost_estimate (regulation_id, year, inputs, updated_at, updated_by) values (@regulationId, @year, @inputs, @now, @userId)
            on conflict (regulation_id) do update set year = excluded.year, inputs = excluded.inputs, version = cost_estimate.version + 1,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by;
            insert into cost_estimate_version (regulation_id, version, year, inputs, saved_at, saved_by)
            select regulation_id, version, year, inputs, updated_at, updated_by from cost_estimate where regulation_id = @regulationId;
            """, new { regulationId, year, inputs, now = clock.GetUtcNow(), userId }, cancellationToken));

    /// <summary>Each regulation's estimate as it stood before <paramref name="until"/> (a stored UTC moment).</summary>
    public async Task<IReadOnlyList<(long RegulationId, string Inputs)>> AsOfAsync(string until, CancellationToken cancellationToken) =>
        (await db.Connection.QueryAsync<(long, string)>(db.Command(
            """
            select v.regulation_id, v.inputs from cost_estimate_version v
            join (select regulation_id, max(version) version from cost_estimate_version where saved_at < @until group by regulation_id) last
              on last.regulation_id = v.regulation_id and last.version = v.version
            """, new { until }, cancellationToken))).ToList();
}
