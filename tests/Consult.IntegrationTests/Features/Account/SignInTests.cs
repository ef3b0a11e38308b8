using System.Net;
using System.Text.RegularExpressions;
using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Features.Account;

/// <summary>Finding 9: sign-in neither reveals who is registered nor lets anyone lock the owner out.</summary>
[LongRunning]
public class SignInTests
{
    /// <summary>Counts password checks, so the test sees the work a refusal costs without timing it.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class CountingApp : ConsultApp
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
        }
    }

    [Fact]
    public async Task An_unknown_address_costs_the_same_password_check_as_a_wrong_password()
    {
        using var app = new CountingApp { Settings = { ["RateLimits:AccountPostsPerMinute"] = "1000" } };
        await app.CreateUserAsync("co@example.vn");
        var browser = app.Browser();
        async Task<int> ChecksAsync(string email)
        {
            var before = app.Hasher.Verifications;
            var response = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "sai-mat-khau" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return app.Hasher.Verifications - before;
        }
        // Without the dummy hash an unknown address was refused with no check at all, about 2 ms against 70–110 ms.
        Assert.Equal(1, await ChecksAsync("co@example.vn"));
        Assert.Equal(1, await ChecksAsync("khongco@example.vn"));
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_machine_do_not_lock_the_owner_out_of_another()
    {
        using var folder = new TemporaryDataFolder();
        using var portal = await PortalProcess.StartAsync(folder, ("Demo__Seed", "true"), ("Site__TrustedProxies__0", "127.0.0.1"));
        async Task<HttpStatusCode> SignInAsync(string from, string password)
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
            using var client = new HttpClient(handler) { BaseAddress = portal.Address };
            client.DefaultRequestHeaders.Add("X-Forwarded-For", from);
            var page = await client.GetStringAsync("/account/login");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "canbo.bct@consult.demo", ["Password"] = password, ["__RequestVerificationToken"] = token,
            }));
            return response.StatusCode;
        }
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await SignInAsync("203.0.113.5", "sai-mat-khau"));
        }
        Assert.Equal(HttpStatusCode.BadRequest, await SignInAsync("203.0.113.5", Consult.Web.Infrastructure.Security.DemoAccounts.Password));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync("198.51.100.7", Consult.Web.Infrastructure.Security.DemoAccounts.Password));
    }
}
