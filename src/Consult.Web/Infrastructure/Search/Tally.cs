using Consult.Domain.Registry;
using Consult.Domain.Text;

namespace Consult.Web.Infrastructure.Search;

/// <summary>
/// Counts and keeps the matches of one search as they stream in: skips what the reader may not see,
/// counts each facet over the matches the other filters leave (so its choices stay visible), and keeps
/// the best <c>take</c> of those passing every filter, by score (or newest first), ties newest first.
/// Matches that arrive already in order (browsing newest first) are kept as they come.
/// </summary>
internal sealed class Tally(RegistryFacts facts, SearchFilters filters, SearchSort sort, int take, bool arrivesInOrder = false)
{
    private readonly List<long> _inOrder = [];
    private readonly int[] _kinds = new int[RegulationKinds.All.Count];
    private readonly int[] _statuses = new int[RegulationStatuses.All.Count];
    private readonly int[] _published = new int[2];
    private readonly int[] _documentTypes = new int[Enum.GetValues<LegalDocumentType>().Length];
    // Indexed by id: agency and sector ids are small, and an array increment is the cheapest count per match.
    private int[] _agencies = new int[64];
    private int[] _sectors = new int[256];
    private readonly PriorityQueue<Ranked, Ranked> _best = new(WorstFirst.Instance);
    private readonly int _from = filters.EffectiveFrom?.DayNumber ?? int.MinValue;
    private readonly int _to = filters.EffectiveTo?.DayNumber ?? int.MaxValue;

    public int Total { get; private set; }

    public void Add(int id, float score)
    {
        if (facts.Get(id) is not { } f || !filters.Sees(f.Published, f.AgencyId))
        {
            return;
        }
        var kind = filters.Kind is null || f.Kind == filters.Kind;
        var agency = filters.AgencyId is null || f.AgencyId == filters.AgencyId;
        var sector = filters.SectorId is null || Array.IndexOf(f.SectorIds, filters.SectorId.Value) >= 0;
        var status = filters.Status is null || f.Status == filters.Status;
        var publication = filters.Published is null || f.Published == filters.Published;
        var documentType = filters.DocumentType is null || (f.DocumentTypes & 1 << (int)filters.DocumentType) != 0;
        var dates = (filters.EffectiveFrom is null && filters.EffectiveTo is null) || f.EffectiveDay != 0 && f.EffectiveDay >= _from && f.EffectiveDay <= _to;
        var common = dates && documentType;
        if (common && agency && sector && status && publication)
        {
            _kinds[(int)f.Kind]++;
        }
        if (common && kind && sector && status && publication)
        {
            Count(ref _agencies, f.AgencyId);
        }
        if (common && kind && agency && status && publication)
        {
            foreach (var sectorId in f.SectorIds)
            {
                Count(ref _sectors, sectorId);
            }
        }
        if (common && kind && agency && sector && publication)
        {
            _statuses[(int)f.Status]++;
        }
        if (common && kind && agency && sector && status)
        {
            _published[f.Published ? 1 : 0]++;
        }
        if (dates && kind && agency && sector && status && publication)
        {
            for (var bits = f.DocumentTypes; bits != 0; bits &= bits - 1)
            {
                _documentTypes[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
            }
        }
        if (!(common && kind && agency && sector && status && publication))
        {
            return;
        }
        Total++;
        if (arrivesInOrder)
        {
            if (_inOrder.Count < take)
            {
                _inOrder.Add(id);
            }
            return;
        }
        var ranked = new Ranked(id, sort == SearchSort.Relevance ? score : 0f, f.NewestKey);
        if (_best.Count < take)
        {
            _best.Enqueue(ranked, ranked);
        }
        else if (WorstFirst.Instance.Compare(ranked, _best.Peek()) > 0)
        {
            _best.EnqueueDequeue(ranked, ranked);
        }
    }

    /// <summary>The kept matches, best first.</summary>
    public IReadOnlyList<long> Ordered()
    {
        if (arrivesInOrder)
        {
            return _inOrder;
        }
        var ids = new long[_best.Count];
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            ids[i] = _best.Dequeue().Id;
        }
        return ids;
    }

    private static void Count(ref int[] counts, int id)
    {
        if (id >= counts.Length)
        {
            Array.Resize(ref counts, Math.Max(id + 1, counts.Length * 2));
        }
        counts[id]++;
    }

    private static Dictionary<int, int> NonZero(int[] counts) =>
        counts.Select((count, id) => (count, id)).Where(c => c.count > 0).ToDictionary(c => c.id, c => c.count);

    public Facets Facets() => new(
        RegulationKinds.All.ToDictionary(k => k, k => _kinds[(int)k]),
        NonZero(_agencies),
        NonZero(_sectors),
        RegulationStatuses.All.ToDictionary(k => k, k => _statuses[(int)k]),
        new Dictionary<bool, int> { [false] = _published[0], [true] = _published[1] },
        Enum.GetValues<LegalDocumentType>().ToDictionary(t => t, t => _documentTypes[(int)t]));

    private readonly record struct Ranked(int Id, float Score, int Newest);

    /// <summary>Lower score, then older, then lower id first: the queue's head is the match to drop.</summary>
    private sealed class WorstFirst : IComparer<Ranked>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Ranked x, Ranked y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var byNewest = x.Newest.CompareTo(y.Newest);
            return byNewest != 0 ? byNewest : x.Id.CompareTo(y.Id);
        }
    }
}
