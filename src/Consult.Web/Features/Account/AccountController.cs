using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Account;

[Route("account")]
public sealed class AccountController(IMediator mediator, SignInManager<AppUser> signIn, SiteLinks links) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new Register.Command());

    [HttpPost("register")]
    [LimitPosts(PostLimit.Account)]
    [FormView(nameof(Register))]
    public async Task<IActionResult> Register(Register.Command command)
    {
        await mediator.Send(command with { ConfirmPage = links.Absolute(AccountLinks.Confirm) });
        return View("Registered", command.Email);
    }

    /// <summary>The link mailed at registration: activates the account and signs its owner in.</summary>
    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string? email, string? token)
    {
        if (email is not null && token is not null && await signIn.UserManager.FindByEmailAsync(email) is { } user
            && (await signIn.UserManager.ConfirmEmailAsync(user, token)).Succeeded)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            TempData["Notice"] = "Đã kích hoạt tài khoản và đăng nhập.";
            return Redirect(AccountLinks.Home);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("ConfirmFailed");
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new SignIn.Command { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [LimitPosts(PostLimit.Account)]
    [FormView(nameof(Login))]
    public async Task<IActionResult> Login(SignIn.Command command)
    {
        await mediator.Send(command);
        return LocalRedirect(Url.IsLocalUrl(command.ReturnUrl) ? command.ReturnUrl : AccountLinks.Home);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        // A new security stamp voids every cookie issued before, so a copied cookie stops working too.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect(HomeLinks.Index);
    }

    [Authorize]
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(new AccountPage(await mediator.Send(new Profile.Query()), await mediator.Send(new Applicable.SavedProfiles.Mine())));

    [Authorize]
    [HttpGet("notifications")]
    public async Task<IActionResult> Notifications() => View(await mediator.Send(new Notifications.Query()));

    [Authorize]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePassword.Command());

    [Authorize]
    [HttpPost("password")]
    [FormView(nameof(ChangePassword))]
    public async Task<IActionResult> ChangePassword(ChangePassword.Command command)
    {
        await signIn.RefreshSignInAsync(await mediator.Send(command));
        TempData["Notice"] = "Đã đổi mật khẩu.";
        return Redirect(AccountLinks.Home);
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPassword.Command());

    [HttpPost("forgot-password")]
    [LimitPosts(PostLimit.Account)]
    [FormView(nameof(ForgotPassword))]
    public async Task<IActionResult> ForgotPassword(ForgotPassword.Command command)
    {
        await mediator.Send(command with { ResetPage = links.Absolute(AccountLinks.ResetPassword) });
        return View("Sent", command.Email);
    }

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? email, string? token) => View(new ResetPassword.Command { Email = email ?? "", Token = token ?? "" });

    [HttpPost("reset-password")]
    [LimitPosts(PostLimit.Account)]
    [FormView(nameof(ResetPassword))]
    public async Task<IActionResult> ResetPassword(ResetPassword.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = "Đã đặt mật khẩu mới. Hãy đăng nhập.";
        return Redirect(AccountLinks.Login());
    }
}

/// <summary>The account page: what the account says about its user, and the business profiles they saved.</summary>
public sealed record AccountPage(Profile.Result Profile, IReadOnlyList<Applicable.SavedProfiles.Profile> SavedProfiles);
