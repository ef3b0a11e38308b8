using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Dapper;

namespace Consult.Web.Infrastructure.Registry;

/// <summary>
/// One agency's figures (or the government's): regulations in force, published and not, by kind; the legal documents
/// their published ones rest on, normative apart from standards and other papers.
/// </summary>
public sealed record RegistryFigure(KindTally Published, KindTally Unpublished, int NormativeDocuments, int OtherDocuments);

public sealed record RegistryFiguresResult(IReadOnlyDictionary<int, RegistryFigure> ByAgency, RegistryFigure Government)
{
    private static readonly RegistryFigure None = new(new KindTally(), new KindTally(), 0, 0);

    public RegistryFigure Of(int agencyId) => ByAgency.GetValueOrDefault(agencyId) ?? None;
}

/// <summary>
/// The one place the registry's public figures are counted, for every page, the API and CSV: regulations in force,
/// published for the public (staff also see the unpublished ones apart), a KTCN counted by its products as the
/// government's tables do. The effort index counts the same way at a period's end (<c>IndexCalculator</c>).
/// </summary>
public sealed class RegistryFigures(Db db, RegistryFacts facts, RegistryFiguresCache cache)
{
    public async Task<RegistryFiguresResult> CurrentAsync(CancellationToken cancellationToken)
    {
        // Every write that changes a figure advances the change sequence, so one count serves until the next.
        var version = await facts.CatchUpAsync(db, cancellationToken);
        if (cache.Get(version) is { } counted)
        {
            return counted;
        }
        var figures = await CountAsync(cancellationToken);
        // What a transaction has not committed yet is nobody else's figure.
        return db.Transaction is null ? cache.Keep(version, figures) : figures;
    }

    private async Task<RegistryFiguresResult> CountAsync(CancellationToken cancellationToken)
    {
        var published = new Dictionary<int, KindTally>();
        var unpublished = new Dictionary<int, KindTally>();
        var government = (Published: new KindTally(), Unpublished: new KindTally());
        foreach (var fact in facts.All().Where(f => f.Status == RegulationStatus.InForce))
        {
            var tallies = fact.Published ? published : unpublished;
            (tallies.TryGetValue(fact.AgencyId, out var tally) ? tally : tallies[fact.AgencyId] = new KindTally()).Add(fact.Kind, fact.ProductCount);
            (fact.Published ? government.Published : government.Unpublished).Add(fact.Kind, fact.ProductCount);
        }
        // The documents published regulations in force rest on; one cited by two agencies counts once for the government.
        var cited = (await db.Connection.QueryAsync<(int AgencyId, long DocumentId, string DocType)>(db.Command(
            """
            select r.agency_id, d.id, d.doc_type
            from regulation r join regulation_basis b on b.regulation_id = r.id join legal_document d on d.id = b.legal_document_id
            where r.status = 'in_force' and r.published = true
            """, null, cancellationToken))).ToList();
        static bool Normative(string docType) => Enum.TryParse<LegalDocumentType>(docType, out var type) && LegalDocumentTypes.IsNormative(type);
        RegistryFigure Figure(KindTally pub, KindTally unpub, IEnumerable<(int AgencyId, long DocumentId, string DocType)> documents)
        {
            var distinct = documents.DistinctBy(d => d.DocumentId).ToList();
            var normative = distinct.Count(d => Normative(d.DocType));
            return new RegistryFigure(pub, unpub, normative, distinct.Count - normative);
        }
        var byCitingAgency = cited.ToLookup(d => d.AgencyId);
        var byAgency = published.Keys.Union(unpublished.Keys).ToDictionary(id => id,
            id => Figure(published.GetValueOrDefault(id) ?? new KindTally(), unpublished.GetValueOrDefault(id) ?? new KindTally(), byCitingAgency[id]));
        return new RegistryFiguresResult(byAgency, Figure(government.Published, government.Unpublished, cited));
    }
}

/// <summary>The last figures counted and the version of the registry they were counted at; shared by every request.</summary>
public sealed class RegistryFiguresCache
{
    private sealed record Entry(RegistryVersion Version, RegistryFiguresResult Figures);

    private Entry? _latest;

    public RegistryFiguresResult? Get(RegistryVersion version) => Volatile.Read(ref _latest) is { } latest && latest.Version == version ? latest.Figures : null;

    public RegistryFiguresResult Keep(RegistryVersion version, RegistryFiguresResult figures)
    {
        Volatile.Write(ref _latest, new Entry(version, figures));
        return figures;
    }
}
