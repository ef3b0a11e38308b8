using System.Security.Claims;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Security;

/// <summary>The sign-in cookie carries the user's roles, agency (or province, for a provincial office) and display name.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, Db db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims((await UserManager.GetRolesAsync(user)).Select(role => new Claim(Options.ClaimsIdentity.RoleClaimType, role)));
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.AgencyId is { } agencyId)
        {
            identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agencyId.ToString()));
            identity.AddClaim(new Claim(CurrentUser.AgencyCodeClaim,
                await db.Connection.ExecuteScalarAsync<string>("select code from agency where id = @agencyId", new { agencyId }, db.Transaction) ?? ""));
        }
        if (await db.Connection.ExecuteScalarAsync<string?>("select province_code from user_province where user_id = @Id", user, db.Transaction) is { } province)
        {
            identity.AddClaim(new Claim(CurrentUser.ProvinceClaim, province));
        }
        return identity;
    }
}
