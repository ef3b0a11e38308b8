using System.Text.Json;
using Consult.Domain.EffortIndex;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.EffortIndex;

/// <summary>An agency's place in a period's index: its data and the score the methodology gives it.</summary>
public sealed record AgencyResult(AgencyIndex Data, AgencyScore Score)
{
    public IndicatorEvidence Evidence(string key) => Data.Indicators.Single(i => i.Key == key);
}

public sealed record IndexView(ReportingPeriod Period, bool Published, IndexSnapshot Snapshot, IReadOnlyList<AgencyResult> Ranking)
{
    public string Status => Published ? "published" : "provisional";
    public AgencyResult? Agency(string code) => Ranking.FirstOrDefault(r => string.Equals(r.Data.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A period's index: the frozen snapshot once published, otherwise computed now from the live data (provisional).</summary>
public sealed class IndexService(Db db, IndexCalculator calculator, TimeProvider clock, IndexCache cache)
{
    /// <summary>The newest version in effect at the period's start: one shipped with the portal or one a reviewer added.</summary>
    public async Task<Methodology> MethodologyForAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var builtIn = Methodology.BuiltIn.Last(m => ReportingPeriod.Parse(m.EffectiveFrom)!.Start <= period.Start);
        var added = await db.Connection.QueryFirstOrDefaultAsync<string>(db.Command(
            "select definition from methodology where effective_from <= @start order by version desc limit 1",
            new { start = period.Start.ToString(IsoDate.Pattern) }, cancellationToken)) is { } json
            ? JsonSerializer.Deserialize<Methodology>(json, IndexSnapshot.Json)!
            : null;
        return added is not null && added.Version >= builtIn.Version ? added : builtIn;
    }

    public async Task<IndexSnapshot?> PublishedAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        await db.Connection.QuerySingleOrDefaultAsync<string>(db.Command("select snapshot from effort_period where period = @Key", period, cancellationToken)) is { } json
            ? JsonSerializer.Deserialize<IndexSnapshot>(json, IndexSnapshot.Json)
            : null;

    public async Task<IndexView> ViewAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var version = await db.Connection.QuerySingleAsync<(long Generation, long Seq, long Audit)>(db.Command(
            "select index_generation, change_seq, (select coalesce(max(id), 0) from audit_event) from registry_state", null, cancellationToken));
        return await cache.GetAsync(period.Key, $"{clock.Today():yyyy-MM-dd}|{version.Generation}|{version.Seq}|{version.Audit}", () => ComputeViewAsync(period));
    }

    /// <summary>
    /// Not cancelled with the request that starts it: other readers may be waiting for the same computation, and a
    /// cancelled one would stay in the cache and fail the readers after it.
    /// </summary>
    private async Task<IndexView> ComputeViewAsync(ReportingPeriod period)
    {
        var published = await PublishedAsync(period, CancellationToken.None);
        var snapshot = published ?? await calculator.ComputeAsync(period, await MethodologyForAsync(period, CancellationToken.None), clock.Today());
        var ranking = snapshot.Agencies
            .Select(a => new AgencyResult(a, IndexFormula.Score(snapshot.Methodology, a.Indicators.ToDictionary(i => i.Key, i => i.Input))))
            .OrderByDescending(r => r.Score.Score).ThenBy(r => r.Data.Name)
            .ToList();
        return new IndexView(period, published is not null, snapshot, ranking);
    }

    /// <summary>The period named in a link, or the current year when none is; null for a name that is not a period.</summary>
    public ReportingPeriod? PeriodOr(string? key) =>
        string.IsNullOrWhiteSpace(key) ? ReportingPeriod.YearOf(clock.Today()) : ReportingPeriod.Parse(key);

    /// <summary>The periods a reader can pick: recent years and quarters, newest first.</summary>
    public IReadOnlyList<ReportingPeriod> RecentPeriods()
    {
        var today = clock.Today();
        var years = Enumerable.Range(0, 3).Select(i => ReportingPeriod.Parse((today.Year - i).ToString())!);
        var quarters = Enumerable.Range(0, 6).Select(i => today.AddMonths(-3 * i)).Select(d => ReportingPeriod.Parse($"{d.Year}-Q{(d.Month - 1) / 3 + 1}")!);
        return [.. years, .. quarters];
    }

    /// <summary>An agency's score in each published year and the current one; <paramref name="shown"/> is reused, not computed again.</summary>
    public async Task<IReadOnlyList<(ReportingPeriod Period, decimal Score)>> TrendAsync(string agencyCode, IndexView shown, CancellationToken cancellationToken)
    {
        async Task<IndexView> View(ReportingPeriod period) => period.Key == shown.Period.Key ? shown : await ViewAsync(period, cancellationToken);
        var trend = new List<(ReportingPeriod, decimal)>();
        foreach (var key in await db.Connection.QueryAsync<string>(db.Command("select period from effort_period where period not like '%Q%' order by period", null, cancellationToken)))
        {
            var view = await View(ReportingPeriod.Parse(key)!);
            if (view.Agency(agencyCode) is { } result)
            {
                trend.Add((view.Period, result.Score.Score));
            }
        }
        var current = ReportingPeriod.YearOf(clock.Today());
        if (trend.All(t => t.Item1.Key != current.Key) && (await View(current)).Agency(agencyCode) is { } now)
        {
            trend.Add((current, now.Score.Score));
        }
        return trend;
    }
}
