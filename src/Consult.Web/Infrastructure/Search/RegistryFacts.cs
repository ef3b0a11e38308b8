using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Dapper;

namespace Consult.Web.Infrastructure.Search;

/// <summary>The filterable facts of one regulation, small enough to keep every one in memory.</summary>
public readonly record struct RegulationFact(
    RegulationKind Kind,
    RegulationStatus Status,
    bool Published,
    int AgencyId,
    int[] SectorIds,
    int NewestKey,
    int ProductCount,
    /// <summary>Day number of the effective date, 0 when none.</summary>
    int EffectiveDay,
    /// <summary>Bits of the <see cref="Consult.Domain.Text.LegalDocumentType"/>s of its legal basis.</summary>
    int DocumentTypes);

/// <summary>
/// Kind, agency, sectors, status and publication of every regulation, indexed by id, so that
/// filters and facet counts over thousands of search hits cost microseconds instead of joins;
/// with them the agency and sector names pages show.
/// It catches up with the database by change_seq, so writes from other processes (the import
/// command) show up on the next search; a new <see cref="RegistryVersion.Generation"/> (the <c>reindex</c> command)
/// makes it load everything again.
/// </summary>
public sealed class RegistryFacts
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private RegulationFact?[] _facts = [];
    private RegistryVersion _loaded = RegistryVersion.None;
    private int _count;
    private long[]? _newestFirst;

    /// <summary>Agencies by name, as of the last catch-up.</summary>
    public IReadOnlyList<AgencyRef> Agencies { get; private set; } = [];

    /// <summary>Sectors by name, as of the last catch-up (imports create sectors).</summary>
    public IReadOnlyList<SectorRef> Sectors { get; private set; } = [];

    public RegulationFact? Get(long id) => id < _facts.Length ? _facts[id] : null;

    /// <summary>Every regulation id, newest (effective date, then id) first; sorted once per change of the registry.</summary>
    public IReadOnlyList<long> NewestFirst()
    {
        var order = _newestFirst;
        if (order is null)
        {
            var facts = _facts;
            var ids = new List<long>(_count);
            for (long id = 1; id < facts.Length; id++)
            {
                if (facts[id] is not null)
                {
                    ids.Add(id);
                }
            }
            order = ids.OrderByDescending(id => facts[id]!.Value.NewestKey).ThenByDescending(id => id).ToArray();
            _newestFirst = order;
        }
        return order;
    }

    public IEnumerable<RegulationFact> All()
    {
        foreach (var fact in _facts)
        {
            if (fact is { } f)
            {
                yield return f;
            }
        }
    }

    /// <summary>Loads what changed since the last catch-up; returns the version of the registry the facts now reflect at least.</summary>
    public async Task<RegistryVersion> CatchUpAsync(Db db, CancellationToken cancellationToken)
    {
        var version = await RegistryVersion.ReadAsync(db, cancellationToken);
        if (version == Volatile.Read(ref _loaded))
        {
            return version;
        }
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (version == _loaded)
            {
                return version;
            }
            // A new generation (the reindex command) reads every row again into a new array; readers keep the old one meanwhile.
            var anew = version.Generation != _loaded.Generation;
            var since = anew ? RegistryVersion.None.Seq : _loaded.Seq;
            var rows = (await db.Connection.QueryAsync<FactRow>(db.Command(
                """
                select r.id, r.kind, r.status, r.published, r.agency_id,
                       coalesce(r.effective_on, substr(r.created_at, 1, 10)) newest_on,
                       (select string_agg(cast(sector_id as text), ',') from regulation_sector where regulation_id = r.id) sector_ids,
                       (select count(*) from regulation_product where regulation_id = r.id) product_count,
                       r.effective_on,
                       (select string_agg(t.doc_type, ',') from (select distinct d.doc_type from regulation_basis b
                        join legal_document d on d.id = b.legal_document_id where b.regulation_id = r.id) t) document_types
                from regulation r
                where r.change_seq > @since and r.change_seq <= @Seq
                """, new { since, version.Seq }, cancellationToken))).ToList();
            var facts = anew ? [] : _facts;
            var count = anew ? 0 : _count;
            var maxId = rows.Count == 0 ? 0 : rows.Max(r => r.Id);
            if (maxId >= facts.Length)
            {
                Array.Resize(ref facts, (int)Math.Max(maxId + 1, facts.Length * 3L / 2));
            }
            foreach (var row in rows)
            {
                if (facts[row.Id] is null)
                {
                    count++;
                }
                facts[row.Id] = row.ToFact();
            }
            _facts = facts;
            _count = count;
            _newestFirst = null;
            Agencies = await ReferenceData.AgenciesAsync(db, cancellationToken);
            Sectors = await ReferenceData.SectorsAsync(db, cancellationToken);
            Volatile.Write(ref _loaded, version);
            return version;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private sealed record FactRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Published { get; init; }
        public int AgencyId { get; init; }
        public string? NewestOn { get; init; }
        public string? SectorIds { get; init; }
        public int ProductCount { get; init; }
        public string? EffectiveOn { get; init; }
        public string? DocumentTypes { get; init; }

        public RegulationFact ToFact()
        {
            var sectors = string.IsNullOrEmpty(SectorIds) ? [] : SectorIds.Split(',').Select(int.Parse).ToArray();
            var newest = DateOnly.TryParse(NewestOn, out var date) ? date.DayNumber : 0;
            var effective = DateOnly.TryParse(EffectiveOn, out var effectiveOn) ? effectiveOn.DayNumber : 0;
            var types = (DocumentTypes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(0, (bits, name) => Enum.TryParse<LegalDocumentType>(name, out var type) ? bits | 1 << (int)type : bits);
            return new RegulationFact(RegulationKinds.FromCode(Kind), RegulationStatuses.FromCode(Status), Published, AgencyId, sectors, newest, ProductCount, effective, types);
        }
    }
}
