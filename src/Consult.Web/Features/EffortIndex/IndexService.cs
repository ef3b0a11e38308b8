using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Consult.Domain.Accounts;
using Consult.Domain.EffortIndex;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

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

/// <summary>
/// Computed indexes, one per period, kept while the data stays the same. Every write advances the registry's
/// change sequence or appends an audit event in its transaction, so the pair names a version of the data;
/// with the day (deadlines count in days) it decides whether a view can be served again.
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

/// <summary>A period's index: the frozen snapshot once published, otherwise computed now from the live data (provisional).</summary>
public sealed class IndexService(Db db, IndexCalculator calculator, TimeProvider clock, IndexCache cache)
{
    /// <summary>The newest version in effect at the period's start: one shipped with the portal or one a reviewer added.</summary>
    public async Task<Methodology> MethodologyForAsync(ReportingPeriod period)
    {
        var builtIn = Methodology.BuiltIn.Last(m => ReportingPeriod.Parse(m.EffectiveFrom)!.Start <= period.Start);
        var added = await db.Connection.QueryFirstOrDefaultAsync<string>(
            "select definition from methodology where effective_from <= @start order by version desc limit 1",
            new { start = period.Start.ToString(IsoDate.Pattern) }, db.Transaction) is { } json
            ? JsonSerializer.Deserialize<Methodology>(json, IndexSnapshot.Json)!
            : null;
        return added is not null && added.Version >= builtIn.Version ? added : builtIn;
    }

    public async Task<IndexSnapshot?> PublishedAsync(ReportingPeriod period) =>
        await db.Connection.QuerySingleOrDefaultAsync<string>("select snapshot from effort_period where period = @Key", period, db.Transaction) is { } json
            ? JsonSerializer.Deserialize<IndexSnapshot>(json, IndexSnapshot.Json)
            : null;

    public async Task<IndexView> ViewAsync(ReportingPeriod period)
    {
        var version = await db.Connection.QuerySingleAsync<(long Seq, long Audit)>(
            "select (select change_seq from registry_state), (select coalesce(max(id), 0) from audit_event)", transaction: db.Transaction);
        return await cache.GetAsync(period.Key, $"{clock.Today():yyyy-MM-dd}|{version.Seq}|{version.Audit}", () => ComputeViewAsync(period));
    }

    private async Task<IndexView> ComputeViewAsync(ReportingPeriod period)
    {
        var published = await PublishedAsync(period);
        var snapshot = published ?? await calculator.ComputeAsync(period, await MethodologyForAsync(period), clock.Today());
        var ranking = snapshot.Agencies
            .Select(a => new AgencyResult(a, IndexFormula.Score(snapshot.Methodology, a.Indicators.ToDictionary(i => i.Key, i => i.Input))))
            .OrderByDescending(r => r.Score.Score).ThenBy(r => r.Data.Name)
            .ToList();
        return new IndexView(period, published is not null, snapshot, ranking);
    }

    /// <summary>The periods a reader can pick: recent years and quarters, newest first.</summary>
    public IReadOnlyList<ReportingPeriod> RecentPeriods()
    {
        var today = clock.Today();
        var years = Enumerable.Range(0, 3).Select(i => ReportingPeriod.Parse((today.Year - i).ToString())!);
        var quarters = Enumerable.Range(0, 6).Select(i => today.AddMonths(-3 * i)).Select(d => ReportingPeriod.Parse($"{d.Year}-Q{(d.Month - 1) / 3 + 1}")!);
        return [.. years, .. quarters];
    }

    /// <summary>An agency's score in each published year and the current one; <paramref name="shown"/> is reused, not computed again.</summary>
    public async Task<IReadOnlyList<(ReportingPeriod Period, decimal Score)>> TrendAsync(string agencyCode, IndexView shown)
    {
        async Task<IndexView> View(ReportingPeriod period) => period.Key == shown.Period.Key ? shown : await ViewAsync(period);
        var trend = new List<(ReportingPeriod, decimal)>();
        foreach (var key in await db.Connection.QueryAsync<string>("select period from effort_period where period not like '%Q%' order by period", transaction: db.Transaction))
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

/// <summary>A reviewer publishes an ended period: its scores, inputs and methodology are frozen from then on.</summary>
public static class PublishPeriod
{
    public sealed record Command(string Period) : IRequest<string>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, IndexService index, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var period = ReportingPeriod.Parse(request.Period) ?? throw new UserInputException("", "Kỳ đánh giá không hợp lệ.");
            if (period.End >= clock.Today())
            {
                throw new UserInputException("", $"{period.Label} chưa kết thúc; chỉ công bố kỳ đã kết thúc.");
            }
            if (await index.PublishedAsync(period) is not null)
            {
                throw new UserInputException("", $"{period.Label} đã được công bố; kết quả không thay đổi nữa.");
            }
            var view = await index.ViewAsync(period);
            await db.Connection.ExecuteAsync(
                "insert into effort_period (period, methodology_version, published_at, published_by, snapshot) values (@Key, @version, @now, @userId, @snapshot)",
                new { period.Key, version = view.Snapshot.MethodologyVersion, now = clock.GetUtcNow(), userId = user.Id, snapshot = JsonSerializer.Serialize(view.Snapshot, IndexSnapshot.Json) },
                db.Transaction);
            audit.Record(new AuditEntry("publish", "effort_index", period.Key, $"Phương pháp phiên bản {view.Snapshot.MethodologyVersion}; {view.Ranking.Count} cơ quan"));
            return $"Đã công bố chỉ số {period.Label.ToLowerInvariant()}.";
        }
    }
}

/// <summary>A reviewer sets new points and targets for periods that have not started yet; earlier periods keep theirs.</summary>
public static class SaveMethodology
{
    public sealed record Command : IRequest<int>, ICommand
    {
        [Display(Name = "Áp dụng từ kỳ")]
        [Required(ErrorMessage = "Nhập kỳ bắt đầu áp dụng, ví dụ 2027 hoặc 2027-Q1.")]
        public string? EffectiveFrom { get; init; }

        /// <summary>Points per indicator key, as typed.</summary>
        public Dictionary<string, string> Points { get; init; } = [];

        [Display(Name = "Mục tiêu cắt giảm quy định (%)")] public string? RegulationTarget { get; init; }
        [Display(Name = "Mục tiêu cắt giảm chi phí (%)")] public string? CostTarget { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, IndexService index, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var errors = new List<(string, string)>();
            var period = ReportingPeriod.Parse(request.EffectiveFrom);
            if (period is null)
            {
                errors.Add((nameof(Command.EffectiveFrom), "Kỳ không hợp lệ; viết 2027 hoặc 2027-Q1."));
            }
            else if (period.Start <= clock.Today())
            {
                errors.Add((nameof(Command.EffectiveFrom), "Chỉ đổi phương pháp cho kỳ chưa bắt đầu; kỳ đã và đang diễn ra giữ phương pháp cũ."));
            }
            var current = period is null ? Methodology.Default : await index.MethodologyForAsync(period);
            var indicators = new List<IndicatorDefinition>();
            foreach (var definition in current.Indicators)
            {
                if (!VietnameseNumbers.TryRead(request.Points.GetValueOrDefault(definition.Key), out var points) || points < 0)
                {
                    errors.Add(($"Points[{definition.Key}]", $"Điểm của \"{definition.Label}\" không hợp lệ."));
                }
                indicators.Add(definition with { MaxPoints = points });
            }
            if (errors.Count == 0 && indicators.Sum(i => i.MaxPoints) != 100)
            {
                errors.Add(("", $"Tổng điểm phải bằng 100 (đang là {VietnameseNumbers.Show(indicators.Sum(i => i.MaxPoints), 2)})."));
            }
            decimal Percent(string field, string? text)
            {
                if (!VietnameseNumbers.TryRead(text, out var value) || value <= 0 || value > 100)
                {
                    errors.Add((field, "Mục tiêu là phần trăm từ 0 đến 100."));
                }
                return value / 100;
            }
            var regulationTarget = Percent(nameof(Command.RegulationTarget), request.RegulationTarget);
            var costTarget = Percent(nameof(Command.CostTarget), request.CostTarget);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }
            var version = Math.Max(await db.Connection.ExecuteScalarAsync<int>("select coalesce(max(version), 0) from methodology", transaction: db.Transaction),
                Methodology.BuiltIn.Max(m => m.Version)) + 1;
            var methodology = current with
            {
                Version = version, EffectiveFrom = period!.Key, Indicators = indicators, RegulationTarget = regulationTarget, CostTarget = costTarget,
            };
            await db.Connection.ExecuteAsync(
                "insert into methodology (version, effective_from, definition, created_at, created_by) values (@version, @from, @definition, @now, @userId)",
                new { version, from = period!.Start.ToString(IsoDate.Pattern), definition = JsonSerializer.Serialize(methodology, IndexSnapshot.Json), now = clock.GetUtcNow(), userId = user.Id },
                db.Transaction);
            audit.Record(new AuditEntry("create", "methodology", version.ToString(), $"Áp dụng từ {period.Label}"));
            return version;
        }
    }
}
