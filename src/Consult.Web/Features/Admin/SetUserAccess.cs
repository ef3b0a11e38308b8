using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Admin;

/// <summary>An administrator changes an account's agency, roles and province, or locks it.</summary>
public static class SetUserAccess
{
    /// <summary>The form, filled with the account as it is now.</summary>
    public sealed record Query(long Id) : IRequest<Command?>;

    /// <summary>What an administrator sets on an account: agency, roles, whether it is locked.</summary>
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Cơ quan")]
        public string? Agency { get; init; }

        [Display(Name = "Vai trò")]
        public string[] Roles { get; init; } = [];

        [Display(Name = "Tỉnh, thành phố")]
        public string? Province { get; init; }

        [Display(Name = "Khóa tài khoản")]
        public bool Locked { get; init; }

        /// <summary>The account as the form showed it; a change in between is a conflict.</summary>
        public string? ConcurrencyStamp { get; init; }

        [BindNever] public string Email { get; init; } = "";
        [BindNever] public string DisplayName { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Domain.Accounts.Roles.Admin);
    }

    public sealed class Handler(Db db, UserManager<AppUser> users, AuditLog audit, CurrentUser current, TimeProvider clock) :
        IRequestHandler<Query, Command?>,
        IRequestHandler<Command, Unit>
    {
        public async Task<Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await users.FindByIdAsync(request.Id.ToString()) is not { } user)
            {
                return null;
            }
            return new Command
            {
                Id = user.Id,
                Email = user.Email,
                DisplayName = user.DisplayName,
                Agency = await db.Connection.ExecuteScalarAsync<string?>(db.Command("select code from agency where id = @AgencyId", user, cancellationToken)),
                Roles = [.. await users.GetRolesAsync(user)],
                Province = await db.Connection.ExecuteScalarAsync<string?>(db.Command("select province_code from user_province where user_id = @Id", user, cancellationToken)),
                Locked = user.LockoutEnd > clock.GetUtcNow(),
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new UserInputException("", "Tài khoản không còn.");
            var agencyId = await AccountAccess.AgencyIdAsync(db, request.Agency, request.Roles, cancellationToken);
            var province = await AccountAccess.ProvinceAsync(db, request.Province, request.Roles, cancellationToken);
            if (user.Id == current.Id && (!request.Roles.Contains(Roles.Admin) || request.Locked))
            {
                throw new UserInputException(nameof(Command.Roles), "Bạn không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.");
            }
            user.ConcurrencyStamp = request.ConcurrencyStamp ?? "";
            user.AgencyId = agencyId;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                throw UserInputException.Stale("Tài khoản", stored: null);
            }
            var held = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, held.Except(request.Roles));
            await users.AddToRolesAsync(user, request.Roles.Except(held));
            await AccountAccess.SetProvinceAsync(db, user.Id, province, cancellationToken);
            await users.SetLockoutEndDateAsync(user, request.Locked ? DateTimeOffset.MaxValue : null);
            // Signed-in browsers of this account pick the change up at their next stamp check.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(new AuditEntry(request.Locked ? "lock" : "roles", AuditLog.Account, user.Email, AccountAccess.Describe(request.Agency, request.Roles, province)) { AgencyId = agencyId }, cancellationToken);
            return Unit.Value;
        }
    }
}
