using Consult.Domain.Plans;
using Consult.Domain.Text;

namespace Consult.Domain.Registry;

/// <summary>
/// Regulations counted by kind as the government's tables count them: each counts one, except a specialised inspection
/// (KTCN), which counts its products and goods. Every figure of the portal is a sum of these units.
/// </summary>
public sealed class KindTally
{
    private readonly Dictionary<RegulationKind, (int Regulations, int Units)> _kinds = RegulationKinds.All.ToDictionary(k => k, _ => (0, 0));

    public void Add(RegulationKind kind, int products)
    {
        var (regulations, units) = _kinds[kind];
        _kinds[kind] = (regulations + 1, units + KindCounts.Weight(kind, products));
    }

    /// <summary>How many records of the kind (for KTCN, procedures).</summary>
    public int Regulations(RegulationKind kind) => _kinds[kind].Regulations;

    /// <summary>What the kind adds to the total (for KTCN, products and goods).</summary>
    public int Units(RegulationKind kind) => _kinds[kind].Units;

    public int Total => _kinds.Values.Sum(k => k.Units);
}

public static class LegalDocumentTypes
{
    /// <summary>Văn bản quy phạm pháp luật: standards, technical regulations and other papers are counted apart.</summary>
    public static bool IsNormative(LegalDocumentType type) => type is not (LegalDocumentType.TechnicalStandard or LegalDocumentType.Other);
}
