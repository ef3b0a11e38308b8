using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Features.Account;

/// <summary>Password sign-in with lockout. Not a command: it changes only the failed-attempt counter.</summary>
public static class SignIn
{
    public sealed record Command : IRequest<Unit>
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        public string? Email { get; init; }

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = "Nhập mật khẩu.")]
        [DataType(DataType.Password)]
        public string? Password { get; init; }

        [Display(Name = "Ghi nhớ đăng nhập trên máy này")]
        public bool RememberMe { get; init; }

        public string? ReturnUrl { get; init; }
    }

    public sealed class Handler(SignInManager<AppUser> signIn) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var result = await signIn.PasswordSignInAsync(request.Email!.Trim(), request.Password!, request.RememberMe, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                throw new UserInputException("", "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút hoặc đặt lại mật khẩu.");
            }
            if (!result.Succeeded)
            {
                throw new UserInputException("", "Thư điện tử hoặc mật khẩu không đúng.");
            }
            return Unit.Value;
        }
    }
}
