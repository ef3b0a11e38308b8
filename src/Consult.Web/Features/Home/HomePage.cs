using Consult.Web.Features.Consultations;

namespace Consult.Web.Features.Home;

/// <summary>The registry's figures, and the consultations open today.</summary>
public sealed record HomePage(Index.Result Figures, IReadOnlyList<ConsultationSheet> Open);
