namespace Consult.Web.Features.EffortIndex;

/// <summary>A panel's figures now and at the period before (<c>_Panel.cshtml</c>).</summary>
public sealed record PanelChange(Panel Now, Panel Before, string Title);
