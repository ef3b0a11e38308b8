using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Features.Account;

/// <summary>Sets a new password with the token from the e-mailed link; also lifts a lockout.</summary>
public static class ResetPassword
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        [Required(ErrorMessage = "Liên kết không đầy đủ; hãy mở lại liên kết trong thư.")]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = "Liên kết không đầy đủ; hãy mở lại liên kết trong thư.")]
        public string Token { get; init; } = "";

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = "Nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";

        [Display(Name = "Nhập lại mật khẩu mới")]
        [Required(ErrorMessage = "Nhập lại mật khẩu mới.")]
        [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; init; }

        public Permission Permission => Permission.Everyone;
    }

    public sealed class Handler(UserManager<AppUser> users, AuditLog audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByNameAsync(request.Email) ?? throw new UserInputException("", new VietnameseIdentityErrors().InvalidToken().Description);
            (await users.ResetPasswordAsync(user, request.Token, request.Password)).ThrowOnFailure(nameof(Command.Password), "");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.RecordAsync(new AuditEntry("reset-password", AuditLog.Account, user.Email), cancellationToken);
            return Unit.Value;
        }
    }
}
