using Consult.Domain.Registry;
using Consult.Domain.Text;

namespace Consult.Domain.Plans;

/// <summary>
/// Counts regulations the way the government's tables do: one per regulation, except specialised
/// inspections, which count the products and goods they cover.
/// </summary>
public sealed record KindCounts(IReadOnlyDictionary<RegulationKind, int> ByKind)
{
    public int Total => ByKind.Values.Sum();

    public int this[RegulationKind kind] => ByKind.GetValueOrDefault(kind);

    /// <summary>What one regulation adds to the count.</summary>
    public static int Weight(RegulationKind kind, int products) => kind == RegulationKind.SpecialisedInspection ? products : 1;

    public static KindCounts Of(IEnumerable<(RegulationKind Kind, int Products)> regulations)
    {
        var counts = RegulationKinds.All.ToDictionary(k => k, _ => 0);
        foreach (var (kind, products) in regulations)
        {
            counts[kind] += Weight(kind, products);
        }
        return new KindCounts(counts);
    }
}

/// <summary>The columns of the government's tables for documents to amend.</summary>
public enum DocumentColumn
{
    Law,
    Ordinance,
    Decree,
    PrimeMinisterDecision,
    Circular,
    Other,
}

/// <summary>Distinct legal documents counted by the column their type falls in.</summary>
public sealed record DocumentCounts(IReadOnlyDictionary<DocumentColumn, int> ByColumn)
{
    public int Total => ByColumn.Values.Sum();

    public int this[DocumentColumn column] => ByColumn.GetValueOrDefault(column);

    public static DocumentColumn ColumnOf(LegalDocumentType type) => type switch
    {
        LegalDocumentType.Law => DocumentColumn.Law,
        LegalDocumentType.Ordinance => DocumentColumn.Ordinance,
        LegalDocumentType.Decree => DocumentColumn.Decree,
        LegalDocumentType.PrimeMinisterDecision => DocumentColumn.PrimeMinisterDecision,
        LegalDocumentType.Circular or LegalDocumentType.JointCircular => DocumentColumn.Circular,
        _ => DocumentColumn.Other,
    };

    public static string Label(DocumentColumn column) => column switch
    {
        DocumentColumn.Law => "Luật",
        DocumentColumn.Ordinance => "Pháp lệnh",
        DocumentColumn.Decree => "Nghị định",
        DocumentColumn.PrimeMinisterDecision => "Quyết định của Thủ tướng",
        DocumentColumn.Circular => "Thông tư, Thông tư liên tịch",
        _ => "Văn bản khác",
    };

    /// <summary>Each document once, by its number, whatever the case or dashes it was typed with.</summary>
    public static DocumentCounts Of(IEnumerable<(string Number, LegalDocumentType Type)> documents)
    {
        var counts = Enum.GetValues<DocumentColumn>().ToDictionary(c => c, _ => 0);
        foreach (var document in documents.DistinctBy(d => DocumentNumber.Key(d.Number)))
        {
            counts[ColumnOf(document.Type)]++;
        }
        return new DocumentCounts(counts);
    }
}

/// <summary>How far a set of cuts goes against the programme's targets (at least 20% of regulations and of cost).</summary>
public sealed record TargetProgress(decimal? RegulationShare, decimal? CostShare, decimal RegulationTarget, decimal CostTarget)
{
    public bool MeetsRegulationTarget => RegulationShare >= RegulationTarget;
    public bool MeetsCostTarget => CostShare >= CostTarget;

    public static TargetProgress Of(int regulationsCut, int regulationsInForce, CostSaving saving, decimal regulationTarget = 0.2m, decimal costTarget = 0.2m) =>
        new(regulationsInForce == 0 ? null : (decimal)regulationsCut / regulationsInForce, saving.Share, regulationTarget, costTarget);
}
