namespace Consult.Web.Infrastructure.Security;

/// <summary>A row of <c>app_user</c>: the account Identity signs in. The e-mail address is the user name.</summary>
public sealed class AppUser
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string NormalizedEmail { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string UserKind { get; set; } = "citizen";
    public string? TaxCode { get; set; }
    public int? AgencyId { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString();
    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>False only for a self-registered account until its mailed link is opened.</summary>
    public bool EmailConfirmed { get; set; } = true;
    /// <summary>When the user agreed, at registration, to the processing of their personal data.</summary>
    public DateTimeOffset? PrivacyConsentAt { get; set; }
}
