using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Account;

/// <summary>A signed-in user changes their password.</summary>
public static class ChangePassword
{
    public sealed record Command : IRequest<AppUser>, ICommand
    {
        [Display(Name = "Mật khẩu hiện tại")]
        [Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
        [DataType(DataType.Password)]
        public string? CurrentPassword { get; init; }

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = "Nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        public string? NewPassword { get; init; }

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
            (await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!))
                .ThrowOnFailure(nameof(Command.NewPassword), nameof(Command.CurrentPassword));
            audit.Record(new AuditEntry("password", AuditLog.Account, user.Email));
            return user;
        }
    }
}

/// <summary>Sends a link to set a new password. The answer is the same whether or not the address has an account.</summary>
public static class ForgotPassword
{
    public sealed record Command : IRequest<Unit>
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử của tài khoản.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        public string? Email { get; init; }

        /// <summary>The absolute address of the reset page, set by the controller; the link adds the address and token.</summary>
        [BindNever]
        public string ResetPage { get; init; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, IEmailSender email) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await users.FindByNameAsync(request.Email!.Trim()) is not { } user)
            {
                return Unit.Value;
            }
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{request.ResetPage}?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}";
            await email.SendAsync(new EmailMessage(user.Email, "Đặt lại mật khẩu – Cổng tham vấn và tra cứu quy định kinh doanh",
                $"""
                Chào {user.DisplayName},

                Có yêu cầu đặt lại mật khẩu cho tài khoản này. Mở liên kết sau (hiệu lực 24 giờ) để đặt mật khẩu mới:

                {link}

                Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.
                """), cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>Sets a new password with the token from the e-mailed link; also lifts a lockout.</summary>
public static class ResetPassword
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        [Required(ErrorMessage = "Liên kết không đầy đủ; hãy mở lại liên kết trong thư.")]
        public string? Email { get; init; }

        [Required(ErrorMessage = "Liên kết không đầy đủ; hãy mở lại liên kết trong thư.")]
        public string? Token { get; init; }

        [Display(Name = "Mật khẩu mới")]
        [Required(ErrorMessage = "Nhập mật khẩu mới.")]
        [DataType(DataType.Password)]
        public string? Password { get; init; }

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
            var user = await users.FindByNameAsync(request.Email!) ?? throw new UserInputException("", new VietnameseIdentityErrors().InvalidToken().Description);
            (await users.ResetPasswordAsync(user, request.Token!, request.Password!)).ThrowOnFailure(nameof(Command.Password), "");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            audit.Record(new AuditEntry("reset-password", AuditLog.Account, user.Email));
            return Unit.Value;
        }
    }
}
