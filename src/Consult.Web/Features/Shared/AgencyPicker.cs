using Consult.Web.Infrastructure.Data;
using MediatR;

namespace Consult.Web.Features.Shared;

/// <summary>
/// A filter's agency, picked by name from a list instead of a typed code (<c>_AgencyPicker.cshtml</c>); a typed or linked
/// value still works in any case (<see cref="Sql"/>).
/// </summary>
public sealed record AgencyPicker(string? Selected)
{
    /// <summary>Matches <c>agency a</c> to the <c>@Agency</c> parameter by code in any case, or by exact name.</summary>
    public const string Sql = "(a.code = upper(trim(@Agency)) or a.name = trim(@Agency))";

    public bool Picks(AgencyRef agency) =>
        string.Equals(agency.Code, Selected?.Trim(), StringComparison.OrdinalIgnoreCase) || agency.Name == Selected?.Trim();

    /// <summary>Every agency by name, today's and those merged away.</summary>
    public sealed record Choices : IRequest<IReadOnlyList<AgencyRef>>;

    public sealed class Handler(Db db) : IRequestHandler<Choices, IReadOnlyList<AgencyRef>>
    {
        public Task<IReadOnlyList<AgencyRef>> Handle(Choices request, CancellationToken cancellationToken) =>
            ReferenceData.AgenciesAsync(db, cancellationToken);
    }
}
