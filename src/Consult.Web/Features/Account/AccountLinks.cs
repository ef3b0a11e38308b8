using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Account;

public static class AccountLinks
{
    public static string Home => "/account";

    public static string Register => "/account/register";

    public static string Confirm => "/account/confirm";

    public static string Login(string? returnUrl = null) => WithQuery("/account/login", ("returnUrl", returnUrl));

    public static string Logout => "/account/logout";

    public static string Password => "/account/password";

    public static string Notifications => "/account/notifications";

    public static string ForgotPassword => "/account/forgot-password";

    public static string ResetPassword => "/account/reset-password";
}
