using Consult.Domain.EffortIndex;

namespace Consult.Web.Features.EffortIndex;

public sealed record IndexPage(IndexView View, IReadOnlyList<ReportingPeriod> Periods);

public sealed record AgencyPage(IndexView View, AgencyResult Result, IReadOnlyList<(ReportingPeriod Period, decimal Score)> Trend);

public sealed record EvidencePage(ReportingPeriod Period, AgencyResult Result, IndicatorDefinition Definition, IndicatorEvidence Evidence, bool Numerator, VisibleEvidence.Result Visible);

/// <summary>The regulations, documents, sectors and cost of a panel now and at the period before (<c>_Panel.cshtml</c>).</summary>
public sealed record PanelChange(Panel Now, Panel Before, string Title);
