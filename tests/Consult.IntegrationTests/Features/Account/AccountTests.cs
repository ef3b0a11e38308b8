using System.Net;
using Consult.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Consult.IntegrationTests.Features.Account;

public class AccountTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static Dictionary<string, string> Registration(string email = "dn@example.vn", string taxCode = "0100109106", string password = "Mat-khau-2026") => new()
    {
        ["Email"] = email,
        ["DisplayName"] = "Công ty TNHH Thử Nghiệm",
        ["UserKind"] = "business",
        ["TaxCode"] = taxCode,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
        ["Consent"] = "true",
    };

    private static string MailedLink(ConsultApp app, string address, string path)
    {
        var mail = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Select(File.ReadAllText).Select(MailBody)
            .Last(body => body.Contains(path) || body.Contains("đã có tài khoản"));
        return System.Text.RegularExpressions.Regex.Match(mail, @"http://localhost(" + System.Text.RegularExpressions.Regex.Escape(path) + @"\?\S+)").Groups[1].Value;
    }

    [Fact]
    public async Task A_business_registers_activates_the_account_from_the_mailed_link_and_the_account_is_audited()
    {
        var app = portal.Fresh();
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/account/register", "/account/register", Registration());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dn@example.vn", (await Accounts.Html(response)).QuerySelector("[data-testid=registered]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).StatusCode);
        var before = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "dn@example.vn", ["Password"] = "Mat-khau-2026" });
        Assert.Contains((await Accounts.Html(before)).Errors(), e => e.Contains("chưa được kích hoạt"));

        var link = MailedLink(app, "dn@example.vn", "/account/confirm");
        Assert.NotEmpty(link);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(link)).StatusCode);
        var account = await Accounts.Html(await browser.GetAsync("/account"));
        Assert.Equal("Công ty TNHH Thử Nghiệm", account.QuerySelector("[data-testid=display-name]")!.TextContent);
        Assert.Contains("0100109106", account.QuerySelector(".facts")!.TextContent);
        Assert.Equal("register", app.Scalar<string>("select action from audit_event where entity_key = 'dn@example.vn'"));
        Assert.StartsWith("AQAAAA", app.Scalar<string>("select password_hash from app_user where email = 'dn@example.vn'"));
        Assert.NotNull(app.Scalar<string?>("select privacy_consent_at from app_user where email = 'dn@example.vn'"));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().GetAsync(link + "x")).StatusCode);
    }

    [Theory]
    [InlineData("TaxCode", "0100109107", "chữ số kiểm tra")]
    [InlineData("Email", "", "Nhập địa chỉ thư điện tử.")]
    [InlineData("Password", "ngan", "ít nhất 8 ký tự")]
    [InlineData("Consent", "false", "đồng ý với việc xử lý dữ liệu cá nhân")]
    public async Task Bad_registration_input_returns_the_form_with_the_values_and_a_message_and_saves_nothing(string field, string value, string message)
    {
        var app = portal.Fresh();
        var fields = Registration();
        fields[field] = value;
        if (field == "Password")
        {
            fields["ConfirmPassword"] = value;
        }
        var response = await app.Browser().PostFormAsync("/account/register", "/account/register", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Accounts.Html(response);
        Assert.Contains(page.Errors(), e => e.Contains(message));
        Assert.Equal("Công ty TNHH Thử Nghiệm", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from app_user"));
    }

    [Fact]
    public async Task Registering_an_address_not_yet_activated_sends_a_new_activation_link()
    {
        var app = portal.Fresh();
        await app.Browser().PostFormAsync("/account/register", "/account/register", Registration());
        await app.Browser().PostFormAsync("/account/register", "/account/register", Registration());

        Assert.Equal(1, app.Scalar<int>("select count(*) from app_user"));
        var mails = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Select(File.ReadAllText).Select(MailBody).ToList();
        Assert.Equal(2, mails.Count(m => m.Contains("/account/confirm?")));
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_the_same_and_tells_its_owner_by_mail()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("dn@example.vn");
        var again = await app.Browser().PostFormAsync("/account/register", "/account/register", Registration(email: "DN@example.vn"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull((await Accounts.Html(again)).QuerySelector("[data-testid=registered]"));
        Assert.Equal(1, app.Scalar<int>("select count(*) from app_user"));
        var mail = MailBody(File.ReadAllText(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Single()));
        Assert.Contains("đã có tài khoản", mail);
        Assert.DoesNotContain("/account/confirm", mail);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("a@example.vn");
        var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "a@example.vn", ["Password"] = "sai-mat-khau" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var right = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "a@example.vn", ["Password"] = Accounts.Password });

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains((await Accounts.Html(right)).Errors(), e => e.Contains("tạm khóa"));
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var app = new LimitedApp();
        app.Clock.Freeze();
        var browser = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "x@example.vn", ["Password"] = "x" })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    private sealed class LimitedApp : ConsultApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:AccountPostsPerMinute", "3");
        }
    }

    [Fact]
    public async Task A_password_reset_link_from_the_mail_sets_a_new_password_and_the_old_one_stops_working()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("quen@example.vn");
        var browser = app.Browser();
        var sent = await browser.PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = "quen@example.vn" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var mail = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Single());
        var link = System.Text.RegularExpressions.Regex.Match(MailBody(mail), @"http://localhost(/account/reset-password\?\S+)").Groups[1].Value;
        Assert.NotEmpty(link);
        var form = await Accounts.Html(await browser.GetAsync(link));
        var reset = await browser.PostFormAsync(link, "/account/reset-password", new()
        {
            ["Email"] = form.QuerySelector("input[name=Email]")!.GetAttribute("value")!,
            ["Token"] = form.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["Password"] = "Mat-khau-moi-2026",
            ["ConfirmPassword"] = "Mat-khau-moi-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        await app.SignInAsync("quen@example.vn", "Mat-khau-moi-2026");
        var old = await app.Browser().PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "quen@example.vn", ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var app = portal.Fresh();
        var sent = await app.Browser().PostFormAsync("/account/forgot-password", "/account/forgot-password", new() { ["Email"] = "khongco@example.vn" });
        Assert.Contains("Hãy kiểm tra hộp thư", await sent.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "mail")) && Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Length > 0);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var app = portal.Fresh();
        var response = await app.Browser().PostAsync("/account/register", new FormUrlEncodedContent(Registration()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, app.Scalar<int>("select count(*) from app_user"));
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("doi@example.vn");
        var browser = await app.SignInAsync("doi@example.vn");
        var wrong = await browser.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = "khong-dung", ["NewPassword"] = "Mat-khau-moi-2026", ["ConfirmPassword"] = "Mat-khau-moi-2026",
        });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mật khẩu hiện tại không đúng.", (await Accounts.Html(wrong)).Errors());

        var right = await browser.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = Accounts.Password, ["NewPassword"] = "Mat-khau-moi-2026", ["ConfirmPassword"] = "Mat-khau-moi-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        await app.SignInAsync("doi@example.vn", "Mat-khau-moi-2026");
        Assert.Equal("password", (await app.QueryAuditAsync("doi@example.vn"))[^1].Action);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("ra@example.vn");
        var browser = await app.SignInAsync("ra@example.vn");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        await browser.PostFormAsync("/account", "/account/logout", []);
        var after = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery);
    }

    /// <summary>The text of a pickup-folder message, whose body is base64.</summary>
    private static string MailBody(string mail) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(mail[(mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "")));
}
