using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Consult.IntegrationTests.Infrastructure;

namespace Consult.IntegrationTests.Features.Security;

/// <summary>Finding 9: sign-in neither reveals who is registered nor lets anyone lock the owner out.</summary>
public class SignInTests
{
    [Fact]
    public async Task An_unknown_address_takes_as_long_to_refuse_as_a_wrong_password()
    {
        using var app = new ConsultApp { Settings = { ["RateLimits:AccountPostsPerMinute"] = "1000" } };
        await app.CreateUserAsync("co@example.vn");
        var browser = app.Browser();
        async Task<double> TimeAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 4; i++)
            {
                var response = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = "sai-mat-khau-" + i });
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
            return watch.Elapsed.TotalMilliseconds;
        }
        await TimeAsync("khongco@example.vn"); // warm-up
        var known = await TimeAsync("co@example.vn");
        var unknown = await TimeAsync("khongco2@example.vn");
        // Both verify a password hash (tens of milliseconds); without the dummy hash the unknown one took ~2 ms.
        Assert.True(unknown > known * 0.4, $"unknown {unknown:N0} ms, known {known:N0} ms");
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_machine_do_not_lock_the_owner_out_of_another()
    {
        using var folder = new TemporaryDataFolder();
        using var portal = await PortalProcess.StartAsync(folder.Path, ("Demo__Seed", "true"), ("Site__TrustedProxies__0", "127.0.0.1"));
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
