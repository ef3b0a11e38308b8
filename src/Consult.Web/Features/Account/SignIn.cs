using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
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
        public string Email { get; init; } = "";

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = "Nhập mật khẩu.")]
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";

        [Display(Name = "Ghi nhớ đăng nhập trên máy này")]
        public bool RememberMe { get; init; }

        public string? ReturnUrl { get; init; }
    }

    /// <summary>
    /// Wrong passwords count per account and client address (five in 15 minutes refuse that pair), so an
    /// attacker cannot lock the owner out. An unknown address is checked against a dummy hash, so a reply takes
    /// as long whether or not the address is registered. A lock set by an administrator still holds.
    /// </summary>
    public sealed class Handler(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, Db db, IHttpContextAccessor http, TimeProvider clock)
        : IRequestHandler<Command, Unit>
    {
        public const int MaxFailures = 5;
        public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

        private static string? _dummyHash;

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email.Trim();
            var pair = new
            {
                key = email.ToUpperInvariant(),
                address = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "",
                since = (clock.GetUtcNow() - Window).ToString("O"),
                now = clock.GetUtcNow().ToString("O"),
            };
            if (await db.Connection.ExecuteScalarAsync<int>(db.Command(
                    "select count(*) from sign_in_failure where email_key = @key and address = @address and failed_at > @since", pair, cancellationToken)) >= MaxFailures)
            {
                throw new UserInputException("", "Đăng nhập vào tài khoản này từ máy của bạn tạm khóa 15 phút vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau hoặc đặt lại mật khẩu.");
            }
            var user = await signIn.UserManager.FindByNameAsync(email);
            SignInResult result;
            if (user is null)
            {
                _dummyHash ??= hasher.HashPassword(new AppUser(), "không có tài khoản này");
                hasher.VerifyHashedPassword(new AppUser(), _dummyHash, request.Password);
                result = SignInResult.Failed;
            }
            else
            {
                result = await signIn.PasswordSignInAsync(user, request.Password, request.RememberMe, lockoutOnFailure: false);
            }
            if (result.IsNotAllowed)
            {
                throw new UserInputException("", "Tài khoản chưa được kích hoạt: hãy mở thư kích hoạt đã gửi đến địa chỉ này và bấm liên kết trong đó.");
            }
            if (result.IsLockedOut)
            {
                throw new UserInputException("", "Tài khoản đang bị quản trị viên tạm khóa. Hãy liên hệ quản trị hệ thống.");
            }
            if (!result.Succeeded)
            {
                await db.Connection.ExecuteAsync(db.Command(
                    """
                    delete from sign_in_failure where email_key = @key and address = @address and failed_at <= @since;
                    insert into sign_in_failure (email_key, address, failed_at) values (@key, @address, @now);
                    """, pair, cancellationToken));
                throw new UserInputException("", "Thư điện tử hoặc mật khẩu không đúng.");
            }
            await db.Connection.ExecuteAsync(db.Command("delete from sign_in_failure where email_key = @key and address = @address", pair, cancellationToken));
            return Unit.Value;
        }
    }
}
