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
public sealed class RegistryFigures(Db db, RegistryFacts facts)
{
    private sealed record DocumentCount
    {
        public int? AgencyId { get; init; }
        public string DocType { get; init; } = "";
        public int Documents { get; init; }
    }

    public async Task<RegistryFiguresResult> CurrentAsync()
    {
        facts.CatchUp(db.Connection, db.Transaction);
        var published = new Dictionary<int, KindTally>();
        var unpublished = new Dictionary<int, KindTally>();
        var government = (Published: new KindTally(), Unpublished: new KindTally());
        foreach (var fact in facts.All().Where(f => f.Status == RegulationStatus.InForce))
        {
            var tallies = fact.Published ? published : unpublished;
            (tallies.TryGetValue(fact.AgencyId, out var tally) ? tally : tallies[fact.AgencyId] = new KindTally()).Add(fact.Kind, fact.ProductCount);
            (fact.Published ? government.Published : government.Unpublished).Add(fact.Kind, fact.ProductCount);
        }
        // A document cited by two agencies counts once for the government, once for each agency.
        var documents = (await db.Connection.QueryAsync<DocumentCount>(
            """
            select r.agency_id, d.doc_type, count(distinct d.id) documents
            from regulation r join regulation_basis b on b.regulation_id = r.id join legal_document d on d.id = b.legal_document_id
            where r.status = 'in_force' and r.published = 1
            group by r.agency_id, d.doc_type
            union all
            select null, d.doc_type, count(distinct d.id)
            from regulation r join regulation_basis b on b.regulation_id = r.id join legal_document d on d.id = b.legal_document_id
            where r.status = 'in_force' and r.published = 1
            group by d.doc_type
            """, transaction: db.Transaction)).ToList();
        (int Normative, int Other) Documents(int? agencyId)
        {
            var mine = documents.Where(d => d.AgencyId == agencyId).ToList();
            var normative = mine.Where(d => Enum.TryParse<LegalDocumentType>(d.DocType, out var type) && LegalDocumentTypes.IsNormative(type)).Sum(d => d.Documents);
            return (normative, mine.Sum(d => d.Documents) - normative);
        }
        RegistryFigure Figure(KindTally pub, KindTally unpub, int? agencyId)
        {
            var (normative, other) = Documents(agencyId);
            return new RegistryFigure(pub, unpub, normative, other);
        }
        var byAgency = published.Keys.Union(unpublished.Keys).ToDictionary(id => id,
            id => Figure(published.GetValueOrDefault(id) ?? new KindTally(), unpublished.GetValueOrDefault(id) ?? new KindTally(), id));
        return new RegistryFiguresResult(byAgency, Figure(government.Published, government.Unpublished, null));
    }
}
