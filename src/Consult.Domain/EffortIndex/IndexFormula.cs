namespace Consult.Domain.EffortIndex;

/// <summary>One indicator's rate for an agency: a numerator over a denominator from portal data (no data when the denominator is 0).</summary>
public sealed record IndicatorInput(string Key, decimal Numerator, decimal Denominator)
{
    public bool HasData => Denominator > 0;

    /// <summary>Capped at 1: doing more than a target earns its full points, no more.</summary>
    public decimal Rate => HasData ? Math.Min(1, Math.Max(0, Numerator / Denominator)) : 0;
}

public sealed record IndicatorScore(IndicatorDefinition Definition, IndicatorInput Input, decimal MaxPoints, decimal Points)
{
    public bool HasData => Input.HasData;
}

public sealed record GroupScore(IndicatorGroup Group, decimal MaxPoints, decimal Points, IReadOnlyList<IndicatorScore> Indicators)
{
    public bool HasData => Indicators.Any(i => i.HasData);
}

public sealed record AgencyScore(IReadOnlyList<GroupScore> Groups)
{
    public decimal Score => Groups.Sum(g => g.Points);
    public Band Band => Bands.Of(Score);
    public IEnumerable<IndicatorScore> Indicators => Groups.SelectMany(g => g.Indicators);
}

/// <summary>
/// The reform-effort score: each indicator earns its points × its rate. An indicator without data is shown as such and
/// its points go to the other indicators of its group, in proportion to theirs; a group with no data at all earns nothing.
/// </summary>
public static class IndexFormula
{
    public static AgencyScore Score(Methodology methodology, IReadOnlyDictionary<string, IndicatorInput> inputs)
    {
        var groups = Enum.GetValues<IndicatorGroup>().Select(group =>
        {
            var definitions = methodology.Indicators.Where(i => i.Group == group).ToList();
            var groupMax = definitions.Sum(d => d.MaxPoints);
            var scored = definitions.Select(d => (Definition: d, Input: inputs.GetValueOrDefault(d.Key) ?? new IndicatorInput(d.Key, 0, 0))).ToList();
            var withData = scored.Where(s => s.Input.HasData).Sum(s => s.Definition.MaxPoints);
            var indicators = scored.Select(s =>
            {
                var max = !s.Input.HasData || withData == 0 ? 0 : s.Definition.MaxPoints * groupMax / withData;
                return new IndicatorScore(s.Definition, s.Input, max, max * s.Input.Rate);
            }).ToList();
            return new GroupScore(group, groupMax, indicators.Sum(i => i.Points), indicators);
        }).ToList();
        return new AgencyScore(groups);
    }
}
