using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Features.Account;

/// <summary>A signed-in user changes their password.</summary>
public static class ChangePassword
{
    public sealed record Command : IRequest<AppUser>, ICommand
    {
        [Display(Name = "Mật khẩu hiện tại")]
        [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; init; } = "";

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = "Nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; init; } = "";

        [Display(Name = "Nhập lại mật khẩu mới")]
        [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(UserManager<AppUser> users, CurrentUser current, AuditLog audit) : IRequestHandler<Command, AppUser>
    {
        public async Task<AppUser> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Id.ToString()!) ?? throw new ForbiddenException("Hãy đăng nhập.");
            (await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword))
                .ThrowOnFailure(nameof(Command.NewPassword), nameof(Command.CurrentPassword));
            await audit.RecordAsync(new AuditEntry("password", AuditLog.Account, user.Email), cancellationToken);
            return user;
        }
    }
}
