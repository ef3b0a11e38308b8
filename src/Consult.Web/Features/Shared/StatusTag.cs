using Consult.Domain.Registry;

namespace Consult.Web.Features.Shared;

/// <summary>A regulation's status and publication tags (<c>_Status.cshtml</c>).</summary>
public sealed record StatusTag(RegulationStatus Status, bool Published);
