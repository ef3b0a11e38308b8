using System.Collections.Concurrent;
using System.Text.Json;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Features.Regulations;
using Dapper;

namespace Consult.Web.Features.EffortIndex;

/// <summary>What the index reads of one saved version of a regulation, with what it derives from it once.</summary>
public sealed record RegulationFacts(
    long Id, string Code, string Kind, string Title, string Agency, string Status, bool Published,
    IReadOnlyList<string> Sectors, IReadOnlyList<string> Documents, int ProductCount, DateOnly? EffectiveOn)
{
    public bool InForce { get; } = Status == "in_force";

    /// <summary>How many regulations this one counts for (a KTCN by its products).</summary>
    public int Weight { get; } = KindCounts.Weight(RegulationKinds.FromCode(Kind), ProductCount);

    /// <summary>The regulation as one record behind a count.</summary>
    public Evidence Evidence { get; } = new($"{Code} – {Title}", RegulationLinks.Details(Code), 1, Code);

    public Evidence EvidenceOf(decimal amount) => Evidence with { Amount = amount };
}

/// <summary>
/// The facts of saved regulation versions, parsed once per process: a version is never changed once saved, and
/// parsing every snapshot again (their text included) made each computation of the index take seconds.
/// Only versions read outside a transaction are kept, so nothing a rolled-back write saw stays behind; all are read
/// again after the <c>reindex</c> command (a new <see cref="RegistryVersion.Generation"/>).
/// </summary>
public sealed class VersionFacts
{
    private const int Batch = 500;

    private sealed record Kept(long Generation, ConcurrentDictionary<(long Id, int Version), RegulationFacts> Facts);

    private Kept _kept = new(RegistryVersion.None.Generation, new());

    /// <summary>The snapshot's fields the index needs; the rest of the JSON (text, details) is skipped, not read.</summary>
    private sealed record Stored(string Code, string Kind, string Title, string Agency, string Status, bool Published,
        IReadOnlyList<string> Sectors, IReadOnlyList<string> LegalBasis, IReadOnlyList<string> Products, string? EffectiveDate);

    /// <param name="cancellationToken">Checked between batches; never handed to a running SQLite command, whose
    /// cancellation callback could throw from inside the host's shutdown and keep later services from being disposed.</param>
    public async Task<IReadOnlyDictionary<(long Id, int Version), RegulationFacts>> LoadAsync(
        Db db, IReadOnlyCollection<(long Id, int Version)> keys, CancellationToken cancellationToken)
    {
        var kept = await KeptAsync(db, cancellationToken);
        var found = new Dictionary<(long Id, int Version), RegulationFacts>(keys.Count);
        var missing = new HashSet<(long Id, int Version)>();
        foreach (var key in keys)
        {
            if (kept.Facts.TryGetValue(key, out var facts))
            {
                found[key] = facts;
            }
            else
            {
                missing.Add(key);
            }
        }
        foreach (var ids in missing.Select(k => k.Id).Distinct().Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await db.Connection.QueryAsync<(long Id, int Version, string Snapshot)>(db.Command(
                $"select regulation_id, version, snapshot from regulation_version where regulation_id {db.Storage.In("@ids")}", new { ids }, cancellationToken));
            foreach (var (id, version, snapshot) in rows.Where(r => missing.Contains((r.Id, r.Version))))
            {
                var facts = Read(id, snapshot);
                found[(id, version)] = facts;
                if (db.Transaction is null)
                {
                    kept.Facts[(id, version)] = facts;
                }
            }
        }
        return found;
    }

    private async Task<Kept> KeptAsync(Db db, CancellationToken cancellationToken)
    {
        var generation = (await RegistryVersion.ReadAsync(db, cancellationToken)).Generation;
        var kept = Volatile.Read(ref _kept);
        if (kept.Generation == generation)
        {
            return kept;
        }
        var fresh = new Kept(generation, new());
        // Two readers of a new generation may both start afresh; the one not kept only loses the facts it parsed.
        Interlocked.CompareExchange(ref _kept, fresh, kept);
        return fresh;
    }

    private static RegulationFacts Read(long id, string snapshot)
    {
        var s = JsonSerializer.Deserialize<Stored>(snapshot, RegulationSnapshot.Json)!;
        // Agencies, kinds, statuses, sectors and cited documents repeat across thousands of versions.
        return new RegulationFacts(id, s.Code, string.Intern(s.Kind), s.Title, string.Intern(s.Agency), string.Intern(s.Status), s.Published,
            [.. s.Sectors.Select(string.Intern)], [.. s.LegalBasis.Select(b => string.Intern(DocumentNumber.Key(b.Split('#')[0]))).Distinct()], s.Products.Count,
            IsoDate.TryRead(s.EffectiveDate, out var effective) ? effective : null);
    }
}

/// <summary>
/// Reads every regulation's current version into <see cref="VersionFacts"/> once the portal has started, so the
/// first reader of the effort index does not wait for thousands of snapshots to be parsed (about 8 s at 60,000).
/// </summary>
public sealed class VersionFactsWarmup(IServiceScopeFactory scopes, VersionFacts versions, ILogger<VersionFactsWarmup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Db>();
            var started = TimeProvider.System.GetTimestamp();
            var keys = (await db.Connection.QueryAsync<(long Id, int Version)>(db.Command("select id, version from regulation", null, stoppingToken))).ToList();
            await versions.LoadAsync(db, keys, stoppingToken);
            log.LogInformation("Read {Count} regulations for the effort index in {Elapsed:N1} s.", keys.Count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a head start: the index reads what it needs when first asked.
            log.LogWarning(e, "Could not read regulations ahead for the effort index.");
        }
    }
}
