using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Account;

/// <summary>Sends a link to set a new password. The answer is the same whether or not the address has an account.</summary>
public static class ForgotPassword
{
    public sealed record Command : IRequest<Unit>
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử của tài khoản.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        public string Email { get; init; } = "";

        /// <summary>The absolute address of the reset page, set by the controller; the link adds the address and token.</summary>
        [BindNever]
        public string ResetPage { get; init; } = "";
    }

    public sealed class Handler(UserManager<AppUser> users, IEmailSender email) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await users.FindByNameAsync(request.Email.Trim()) is not { } user)
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
