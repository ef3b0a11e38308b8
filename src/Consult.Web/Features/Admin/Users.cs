using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Features.Account;
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

/// <summary>Accounts, their roles and agency membership, as administrators see and change them.</summary>
public static class Users
{
    public const int PageSize = 50;

    public sealed record ListQuery : IRequest<ListResult>
    {
        public string? Q { get; init; }
        public string? Role { get; init; }
        public string? Agency { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string UserKind { get; init; } = "";
        public string? AgencyCode { get; init; }
        public string Roles { get; init; } = "";
        public DateTimeOffset? LockoutEnd { get; init; }
        public bool IsLocked { get; init; }
    }

    public sealed record ListResult(ListQuery Query, IReadOnlyList<Row> Users, bool HasMore);

    /// <summary>What an administrator sets on an account: agency, roles, whether it is locked.</summary>
    public sealed record SetAccess : IRequest<Unit>, ICommand
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

    /// <summary>An account for agency staff or a reviewer; the person sets the password from an e-mailed link.</summary>
    public sealed record CreateStaff : IRequest<Unit>, ICommand
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        public string? Email { get; init; }

        [Display(Name = "Họ tên, chức vụ")]
        [Required(ErrorMessage = "Nhập họ tên hoặc chức danh.")]
        [StringLength(120, ErrorMessage = "Họ tên dài quá 120 ký tự.")]
        public string? DisplayName { get; init; }

        [Display(Name = "Cơ quan")]
        public string? Agency { get; init; }

        [Display(Name = "Vai trò")]
        public string[] Roles { get; init; } = [];

        [Display(Name = "Tỉnh, thành phố")]
        public string? Province { get; init; }

        [BindNever] public string ResetPage { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Domain.Accounts.Roles.Admin);
    }

    public sealed record AccessQuery(long Id) : IRequest<SetAccess?>;

    public sealed class Handler(Db db, UserManager<AppUser> users, AuditLog audit, CurrentUser current, IMediator mediator, TimeProvider clock) :
        IRequestHandler<ListQuery, ListResult>,
        IRequestHandler<AccessQuery, SetAccess?>,
        IRequestHandler<SetAccess, Unit>,
        IRequestHandler<CreateStaff, Unit>
    {
        public async Task<ListResult> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Q))
            {
                where.Add("(u.normalized_email like '%' || upper(@Q) || '%' or lower(u.display_name) like '%' || lower(@Q) || '%')");
            }
            if (!string.IsNullOrWhiteSpace(request.Role))
            {
                where.Add("exists (select 1 from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = u.id and r.name = @Role)");
            }
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            var page = Math.Max(1, request.Page);
            var rows = (await db.Connection.QueryAsync<Row>(
                $"""
                select u.id, u.email, u.display_name, u.user_kind, a.code agency_code, u.lockout_end,
                    coalesce((select string_agg(r.name, ', ') from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = u.id), '') roles
                from app_user u left join agency a on a.id = u.agency_id
                where {string.Join(" and ", where)}
                order by u.email limit @Take offset @Skip
                """, new { request.Q, request.Role, request.Agency, Take = PageSize + 1, Skip = (page - 1) * PageSize }, db.Transaction)).ToList();
            var now = clock.GetUtcNow();
            return new ListResult(request with { Page = page }, [.. rows.Take(PageSize).Select(r => r with { IsLocked = r.LockoutEnd > now })], rows.Count > PageSize);
        }

        public async Task<SetAccess?> Handle(AccessQuery request, CancellationToken cancellationToken)
        {
            if (await users.FindByIdAsync(request.Id.ToString()) is not { } user)
            {
                return null;
            }
            return new SetAccess
            {
                Id = user.Id,
                Email = user.Email,
                DisplayName = user.DisplayName,
                Agency = await db.Connection.ExecuteScalarAsync<string?>("select code from agency where id = @AgencyId", user, db.Transaction),
                Roles = [.. await users.GetRolesAsync(user)],
                Province = await db.Connection.ExecuteScalarAsync<string?>("select province_code from user_province where user_id = @Id", user, db.Transaction),
                Locked = user.LockoutEnd > clock.GetUtcNow(),
                ConcurrencyStamp = user.ConcurrencyStamp,
            };
        }

        public async Task<Unit> Handle(SetAccess request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.Id.ToString()) ?? throw new UserInputException("", "Tài khoản không còn.");
            var agencyId = await CheckAsync(request.Agency, request.Roles);
            var province = await ProvinceAsync(request.Province, request.Roles);
            if (user.Id == current.Id && (!request.Roles.Contains(Roles.Admin) || request.Locked))
            {
                throw new UserInputException(nameof(SetAccess.Roles), "Bạn không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.");
            }
            user.ConcurrencyStamp = request.ConcurrencyStamp ?? "";
            user.AgencyId = agencyId;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                throw new UserInputException("", "Tài khoản vừa được người khác thay đổi; hãy mở lại trang để xem quyền hiện tại.", StatusCodes.Status409Conflict);
            }
            var held = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, held.Except(request.Roles));
            await users.AddToRolesAsync(user, request.Roles.Except(held));
            await SetProvinceAsync(user.Id, province);
            await users.SetLockoutEndDateAsync(user, request.Locked ? DateTimeOffset.MaxValue : null);
            // Signed-in browsers of this account pick the change up at their next stamp check.
            await users.UpdateSecurityStampAsync(user);
            audit.Record(new AuditEntry(request.Locked ? "lock" : "roles", AuditLog.Account, user.Email, Describe(request.Agency, request.Roles, province)) { AgencyId = agencyId });
            return Unit.Value;
        }

        public async Task<Unit> Handle(CreateStaff request, CancellationToken cancellationToken)
        {
            var agencyId = await CheckAsync(request.Agency, request.Roles);
            var province = await ProvinceAsync(request.Province, request.Roles);
            var user = new AppUser
            {
                Email = request.Email!.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                UserKind = UserKinds.Code(UserKind.Government),
                AgencyId = agencyId,
                CreatedAt = clock.GetUtcNow(),
            };
            (await users.CreateAsync(user)).ThrowOnFailure(nameof(CreateStaff.Email), nameof(CreateStaff.Email));
            await users.AddToRolesAsync(user, request.Roles);
            await SetProvinceAsync(user.Id, province);
            audit.Record(new AuditEntry("create", AuditLog.Account, user.Email, Describe(request.Agency, request.Roles, province)) { AgencyId = agencyId });
            await mediator.Send(new ForgotPassword.Command { Email = user.Email, ResetPage = request.ResetPage }, cancellationToken);
            return Unit.Value;
        }

        /// <summary>Known roles only; editors and leads belong to an agency, and only they do.</summary>
        private async Task<int?> CheckAsync(string? agency, IReadOnlyList<string> roles)
        {
            if (roles.Except(Roles.All).Any())
            {
                throw new UserInputException(nameof(SetAccess.Roles), "Chọn vai trò trong danh sách.");
            }
            int? agencyId = string.IsNullOrWhiteSpace(agency) ? null
                : await db.Connection.ExecuteScalarAsync<int?>("select id from agency where code = @agency", new { agency }, db.Transaction)
                    ?? throw new UserInputException(nameof(SetAccess.Agency), $"Không có cơ quan mã \"{agency}\".");
            if (roles.Any(Roles.IsAgencyRole) && agencyId is null)
            {
                throw new UserInputException(nameof(SetAccess.Agency), "Cán bộ cập nhật và lãnh đạo đơn vị phải thuộc một cơ quan.");
            }
            return agencyId;
        }

        /// <summary>A provincial office speaks for exactly one of today's provinces; no one else is bound to one.</summary>
        private async Task<string?> ProvinceAsync(string? province, IReadOnlyList<string> roles)
        {
            var code = province?.Trim() ?? "";
            if (!roles.Contains(Roles.ProvincialOffice))
            {
                return code.Length == 0 ? null
                    : throw new UserInputException(nameof(SetAccess.Province), "Chỉ tài khoản văn phòng UBND tỉnh gắn với một tỉnh, thành phố.");
            }
            return await db.Connection.ExecuteScalarAsync<string?>("select code from province where code = @code", new { code }, db.Transaction)
                ?? throw new UserInputException(nameof(SetAccess.Province), "Văn phòng UBND tỉnh phải gắn với một tỉnh, thành phố trong danh sách.");
        }

        private Task SetProvinceAsync(long userId, string? province) =>
            db.Connection.ExecuteAsync(
                province is null
                    ? "delete from user_province where user_id = @userId"
                    : "insert into user_province (user_id, province_code) values (@userId, @province) on conflict (user_id) do update set province_code = @province",
                new { userId, province }, db.Transaction);

        private static string Describe(string? agency, IReadOnlyList<string> roles, string? province) =>
            $"Vai trò: {(roles.Count == 0 ? "không" : string.Join(", ", roles.Select(Roles.Label)))}; cơ quan: {(string.IsNullOrWhiteSpace(agency) ? "không" : agency)}"
            + (province is null ? "" : $"; tỉnh: {province}");
    }
}
