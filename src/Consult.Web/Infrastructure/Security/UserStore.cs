using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Infrastructure.Security;

/// <summary>
/// Identity's user store over <c>app_user</c> and <c>user_role</c> with Dapper, in the request's connection
/// and transaction. Roles are the fixed rows of <c>app_role</c>.
/// </summary>
public sealed class UserStore(Db db) :
    IUserPasswordStore<AppUser>,
    IUserSecurityStampStore<AppUser>,
    IUserLockoutStore<AppUser>,
    IUserRoleStore<AppUser>,
    IUserEmailStore<AppUser>
{
    private const string Columns = """
        id, email, normalized_email, display_name, user_kind, tax_code, agency_id, password_hash, security_stamp,
        concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, created_at, email_confirmed, privacy_consent_at
        """;

    public async Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken)
    {
        user.Id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
            """
            insert into app_user (email, normalized_email, display_name, user_kind, tax_code, agency_id, password_hash,
                security_stamp, concurrency_stamp, lockout_enabled, lockout_end, access_failed_count, created_at, email_confirmed, privacy_consent_at)
            values (@Email, @NormalizedEmail, @DisplayName, @UserKind, @TaxCode, @AgencyId, @PasswordHash,
                @SecurityStamp, @ConcurrencyStamp, @LockoutEnabled, @LockoutEnd, @AccessFailedCount, @CreatedAt, @EmailConfirmed, @PrivacyConsentAt)
            returning id
            """, user, cancellationToken));
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken)
    {
        var previousStamp = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var updated = await db.Connection.ExecuteAsync(db.Command(
            """
            update app_user set email = @Email, normalized_email = @NormalizedEmail, display_name = @DisplayName,
                user_kind = @UserKind, tax_code = @TaxCode, agency_id = @AgencyId, password_hash = @PasswordHash,
                security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp, lockout_enabled = @LockoutEnabled,
                lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount, email_confirmed = @EmailConfirmed
            where id = @Id and concurrency_stamp = @previousStamp
            """, new { user.Email, user.NormalizedEmail, user.DisplayName, user.UserKind, user.TaxCode, user.AgencyId, user.PasswordHash,
                user.SecurityStamp, user.ConcurrencyStamp, user.LockoutEnabled, user.LockoutEnd, user.AccessFailedCount, user.EmailConfirmed, user.Id, previousStamp }, cancellationToken));
        return updated == 1 ? IdentityResult.Success : IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are locked, never deleted: the audit trail refers to them.");

    public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, out var id)
            ? db.Connection.QuerySingleOrDefaultAsync<AppUser>(db.Command($"select {Columns} from app_user where id = @id", new { id }, cancellationToken))
            : Task.FromResult<AppUser?>(null);

    public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        db.Connection.QuerySingleOrDefaultAsync<AppUser>(db.Command(
            $"select {Columns} from app_user where normalized_email = @normalizedUserName", new { normalizedUserName }, cancellationToken));

    public Task<string> GetUserIdAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken cancellationToken)
    {
        user.Email = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(AppUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(AppUser user, string roleName, CancellationToken cancellationToken)
    {
        var added = await db.Connection.ExecuteAsync(db.Command(
            "insert into user_role (user_id, role_id) select @Id, id from app_role where normalized_name = @roleName on conflict do nothing",
            new { user.Id, roleName }, cancellationToken));
        if (added == 0 && !await IsInRoleAsync(user, roleName, cancellationToken))
        {
            throw new InvalidOperationException($"Unknown role {roleName}.");
        }
    }

    public Task RemoveFromRoleAsync(AppUser user, string roleName, CancellationToken cancellationToken) =>
        db.Connection.ExecuteAsync(db.Command(
            "delete from user_role where user_id = @Id and role_id = (select id from app_role where normalized_name = @roleName)",
            new { user.Id, roleName }, cancellationToken));

    public async Task<IList<string>> GetRolesAsync(AppUser user, CancellationToken cancellationToken) =>
        (await db.Connection.QueryAsync<string>(db.Command(
            "select r.name from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = @Id order by r.id",
            new { user.Id }, cancellationToken))).ToList();

    public Task<bool> IsInRoleAsync(AppUser user, string roleName, CancellationToken cancellationToken) =>
        db.Connection.ExecuteScalarAsync<bool>(db.Command(
            "select exists (select 1 from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = @Id and r.normalized_name = @roleName)",
            new { user.Id, roleName }, cancellationToken));

    public async Task<IList<AppUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        (await db.Connection.QueryAsync<AppUser>(db.Command(
            $"select {Columns} from app_user where id in (select ur.user_id from user_role ur join app_role r on r.id = ur.role_id where r.normalized_name = @roleName)",
            new { roleName }, cancellationToken))).ToList();

    public void Dispose()
    {
    }

    public Task SetEmailAsync(AppUser user, string? email, CancellationToken cancellationToken) => SetUserNameAsync(user, email, cancellationToken);

    public Task<string?> GetEmailAsync(AppUser user, CancellationToken cancellationToken) => GetUserNameAsync(user, cancellationToken);

    public Task<bool> GetEmailConfirmedAsync(AppUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(AppUser user, bool confirmed, CancellationToken cancellationToken)
    {
        user.EmailConfirmed = confirmed;
        return Task.CompletedTask;
    }

    public Task<AppUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => FindByNameAsync(normalizedEmail, cancellationToken);

    public Task<string?> GetNormalizedEmailAsync(AppUser user, CancellationToken cancellationToken) => GetNormalizedUserNameAsync(user, cancellationToken);

    public Task SetNormalizedEmailAsync(AppUser user, string? normalizedEmail, CancellationToken cancellationToken) =>
        SetNormalizedUserNameAsync(user, normalizedEmail, cancellationToken);
}
