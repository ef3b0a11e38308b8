using System.Net;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Findings 9 (sign-out) and 13 (headers).</summary>
public class SessionAndHeaderTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var app = portal.Fresh();
        await app.CreateUserAsync("dan@example.vn");
        var browser = await app.SignInAsync("dan@example.vn");
        var copy = app.Browser();
        var cookie = (await browser.GetAsync("/account")).RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);

        var signOut = await browser.PostFormAsync("/account", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = new HttpRequestMessage(HttpMethod.Get, "/account");
        replay.Headers.Add("Cookie", cookie);
        var response = await copy.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Responses_carry_a_permissions_policy_and_no_server_header()
    {
        var app = portal.Fresh();
        var response = await app.CreateClient().GetAsync("/");
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Served_over_https_it_redirects_plain_http_and_sends_hsts()
    {
        using var app = new ConsultApp { Settings = { ["Site:PublicUrl"] = "https://quydinh.example.gov.vn", ["AllowedHosts"] = "quydinh.example.gov.vn" } };
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var plain = await client.GetAsync("http://quydinh.example.gov.vn/search");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.StartsWith("https://", plain.Headers.Location!.ToString());
        var secure = await client.GetAsync("https://quydinh.example.gov.vn/search");
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
    }
}
