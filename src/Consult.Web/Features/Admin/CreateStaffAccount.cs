using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Features.Account;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Admin;

/// <summary>An administrator opens an account for agency staff or a reviewer; the person sets the password from an e-mailed link.</summary>
public static class CreateStaffAccount
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        public string Email { get; init; } = "";

        [Display(Name = "Họ tên, chức vụ")]
        [Required(ErrorMessage = "Nhập họ tên hoặc chức danh.")]
        [StringLength(120, ErrorMessage = "Họ tên dài quá 120 ký tự.")]
        public string DisplayName { get; init; } = "";

        [Display(Name = "Cơ quan")]
        public string? Agency { get; init; }

        [Display(Name = "Vai trò")]
        public string[] Roles { get; init; } = [];

        [Display(Name = "Tỉnh, thành phố")]
        public string? Province { get; init; }

        [BindNever] public string ResetPage { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Domain.Accounts.Roles.Admin);
    }

    public sealed class Handler(Db db, UserManager<AppUser> users, AuditLog audit, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var agencyId = await AccountAccess.AgencyIdAsync(db, request.Agency, request.Roles, cancellationToken);
            var province = await AccountAccess.ProvinceAsync(db, request.Province, request.Roles, cancellationToken);
            var user = new AppUser
            {
                Email = request.Email.Trim(),
                DisplayName = request.DisplayName.Trim(),
                UserKind = UserKinds.Code(UserKind.Government),
                AgencyId = agencyId,
                CreatedAt = clock.GetUtcNow(),
            };
            (await users.CreateAsync(user)).ThrowOnFailure(nameof(Command.Email), nameof(Command.Email));
            await users.AddToRolesAsync(user, request.Roles);
            await AccountAccess.SetProvinceAsync(db, user.Id, province, cancellationToken);
            await audit.RecordAsync(new AuditEntry("create", AuditLog.Account, user.Email, AccountAccess.Describe(request.Agency, request.Roles, province)) { AgencyId = agencyId }, cancellationToken);
            await mediator.Send(new ForgotPassword.Command { Email = user.Email, ResetPage = request.ResetPage }, cancellationToken);
            return Unit.Value;
        }
    }
}
