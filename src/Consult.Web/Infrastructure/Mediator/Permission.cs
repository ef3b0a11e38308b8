using Consult.Domain.Accounts;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>
/// Who may send a command. Agency work names every agency, regulation, legal document and plan the command
/// touches; <see cref="AuthorizationBehavior{TRequest,TResponse}"/> finds their agencies and checks the role in each.
/// </summary>
public sealed record Permission
{
    private Permission()
    {
    }

    public bool Anyone { get; private init; }
    public string? Role { get; private init; }
    public bool InAgencies { get; private init; }
    public IReadOnlyList<string> Agencies { get; private init; } = [];
    public IReadOnlyList<string> Regulations { get; private init; } = [];
    public IReadOnlyList<long> Documents { get; private init; } = [];
    public IReadOnlyList<long> Plans { get; private init; } = [];

    /// <summary>Registration and password reset: whoever asks.</summary>
    public static Permission Everyone { get; } = new() { Anyone = true };

    /// <summary>Something a signed-in user does to their own account.</summary>
    public static Permission SignedIn { get; } = new();

    public static Permission HoldingRole(string role) => new() { Role = role };

    public static Permission AgencyWork(
        string role,
        IEnumerable<string>? agencies = null,
        IEnumerable<string>? regulations = null,
        IEnumerable<long>? documents = null,
        IEnumerable<long>? plans = null) => new()
        {
            Role = Roles.IsAgencyRole(role) ? role : throw new ArgumentException("Agency work needs an agency role.", nameof(role)),
            InAgencies = true,
            Agencies = agencies?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [],
            Regulations = regulations?.Distinct().ToList() ?? [],
            Documents = documents?.Distinct().ToList() ?? [],
            Plans = plans?.Distinct().ToList() ?? [],
        };
}
