using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Consult.Web.Features.Account;

/// <summary>A business, association, citizen or expert opens an account to follow and comment.</summary>
public static class Register
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        [Display(Name = "Thư điện tử")]
        [Required(ErrorMessage = "Nhập địa chỉ thư điện tử.")]
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
        [StringLength(200, ErrorMessage = "Địa chỉ thư điện tử dài quá 200 ký tự.")]
        public string Email { get; init; } = "";

        [Display(Name = "Tên hiển thị")]
        [Required(ErrorMessage = "Nhập tên sẽ hiển thị kèm góp ý của bạn.")]
        [StringLength(120, ErrorMessage = "Tên hiển thị dài quá 120 ký tự.")]
        public string DisplayName { get; init; } = "";

        [Display(Name = "Bạn là")]
        [Required(ErrorMessage = "Chọn bạn là doanh nghiệp, hiệp hội, cá nhân, chuyên gia hay cơ quan nhà nước.")]
        public string? UserKind { get; init; }

        [Display(Name = "Mã số thuế (không bắt buộc)")]
        public string? TaxCode { get; init; }

        [Display(Name = "Mật khẩu")]
        [Required(ErrorMessage = "Nhập mật khẩu.")]
        [DataType(DataType.Password)]
        public string Password { get; init; } = "";

        [Display(Name = "Nhập lại mật khẩu")]
        [Required(ErrorMessage = "Nhập lại mật khẩu.")]
        [Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không khớp.")]
        [DataType(DataType.Password)]
        public string? ConfirmPassword { get; init; }

        /// <summary>Agreement to the processing of personal data as the privacy notice describes; an account needs it.</summary>
        [Display(Name = "Tôi đồng ý để cổng xử lý dữ liệu cá nhân của tôi như Chính sách bảo vệ dữ liệu cá nhân mô tả")]
        public bool Consent { get; init; }

        /// <summary>Where the mailed activation link leads; set by the server from Site:PublicUrl, never bound.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string ConfirmPage { get; init; } = "";

        public Permission Permission => Permission.Everyone;
    }

    /// <summary>
    /// The answer is the same whether or not the address is registered: a new account waits for the link mailed to
    /// it; the owner of a taken address is told by mail that someone tried, and nothing changes.
    /// </summary>
    public sealed class Handler(UserManager<AppUser> users, IEmailSender email, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        private const string Portal = "Cổng tham vấn và tra cứu quy định kinh doanh";

        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!request.Consent)
            {
                throw new UserInputException(nameof(Command.Consent),
                    "Cần bạn đồng ý với việc xử lý dữ liệu cá nhân để mở tài khoản (Nghị định 13/2023/NĐ-CP); không có gì được lưu khi chưa đồng ý.");
            }
            if (!UserKinds.TryParse(request.UserKind, out var kind))
            {
                throw new UserInputException(nameof(Command.UserKind), "Chọn một trong các đối tượng trong danh sách.");
            }
            var taxCode = string.IsNullOrWhiteSpace(request.TaxCode) ? null : request.TaxCode.Trim();
            if (taxCode is not null)
            {
                if (kind is not (UserKind.Business or UserKind.Association))
                {
                    throw new UserInputException(nameof(Command.TaxCode), "Chỉ doanh nghiệp và hiệp hội khai mã số thuế.");
                }
                if (TaxCode.Problem(taxCode) is { } problem)
                {
                    throw new UserInputException(nameof(Command.TaxCode), problem);
                }
            }

            var address = request.Email.Trim();
            if (await users.FindByEmailAsync(address) is { } owner)
            {
                // As costly as creating the account, so the reply takes as long either way.
                users.PasswordHasher.HashPassword(owner, request.Password);
                if (!owner.EmailConfirmed)
                {
                    await SendActivationAsync(owner, request.ConfirmPage, cancellationToken);
                    return Unit.Value;
                }
                await email.SendAsync(new EmailMessage(owner.Email, $"Có người định đăng ký bằng địa chỉ của bạn – {Portal}",
                    "Ai đó vừa đăng ký tài khoản trên cổng bằng địa chỉ thư điện tử này, địa chỉ đã có tài khoản nên không có gì thay đổi.\n"
                    + "Nếu đó là bạn, hãy đăng nhập, hoặc dùng \"Quên mật khẩu\" nếu không nhớ mật khẩu. Nếu không phải bạn, hãy bỏ qua thư này."),
                    cancellationToken);
                return Unit.Value;
            }
            var user = new AppUser
            {
                Email = address,
                DisplayName = request.DisplayName.Trim(),
                UserKind = UserKinds.Code(kind),
                TaxCode = taxCode,
                CreatedAt = clock.GetUtcNow(),
                EmailConfirmed = false,
                PrivacyConsentAt = clock.GetUtcNow(),
            };
            (await users.CreateAsync(user, request.Password)).ThrowOnFailure(nameof(Command.Password), nameof(Command.Email));
            await audit.RecordAsync(new AuditEntry("register", AuditLog.Account, user.Email, UserKinds.Label(kind)), cancellationToken);
            await SendActivationAsync(user, request.ConfirmPage, cancellationToken);
            return Unit.Value;
        }

        /// <summary>A new account's link, sent again when someone registers an address not yet activated.</summary>
        private async Task SendActivationAsync(AppUser user, string confirmPage, CancellationToken cancellationToken)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = $"{confirmPage}?email={Uri.EscapeDataString(user.Email)}&token={Uri.EscapeDataString(token)}";
            await email.SendAsync(new EmailMessage(user.Email, $"Kích hoạt tài khoản – {Portal}",
                $"Chào {user.DisplayName},\nBấm liên kết sau để kích hoạt tài khoản (có hiệu lực 24 giờ):\n{link}\n"
                + "Nếu bạn không đăng ký, hãy bỏ qua thư này."), cancellationToken);
        }
    }
}

public static class IdentityResults
{
    /// <summary>Identity's refusals as form errors: password rules on the password field, the rest on the account field.</summary>
    public static void ThrowOnFailure(this IdentityResult result, string passwordField, string accountField)
    {
        if (!result.Succeeded)
        {
            throw new UserInputException(result.Errors
                .Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != "PasswordMismatch" ? passwordField : accountField, e.Description))
                .ToList());
        }
    }
}
