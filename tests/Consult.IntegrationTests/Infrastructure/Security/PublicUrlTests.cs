using System.Net;
using System.Text.RegularExpressions;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 2: absolute links come from Site:PublicUrl, never from the request's Host header.</summary>
public class PublicUrlTests
{
    private const string PublicUrl = "http://quydinh.example.gov.vn";

    private static string MailBody(string mail) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(mail[(mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "")));

    [Fact]
    public async Task A_forged_host_never_reaches_a_password_reset_mail()
    {
        using var app = new ConsultApp { Settings = { ["Site:PublicUrl"] = PublicUrl, ["AllowedHosts"] = "*" } };
        await app.CreateUserAsync("quen@example.vn");
        var browser = app.Browser();
        var page = await Accounts.Html(await browser.GetAsync("/account/forgot-password"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "quen@example.vn", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);

        var body = MailBody(await System.IO.File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")).Single()));
        Assert.DoesNotContain("evil.example", body);
        Assert.Matches(new Regex(Regex.Escape(PublicUrl) + @"/account/reset-password\?\S+"), body);
    }

    [Fact]
    public async Task Feeds_exports_and_the_api_link_to_the_public_url()
    {
        using var app = new ConsultApp { Settings = { ["Site:PublicUrl"] = PublicUrl, ["AllowedHosts"] = "*" } };
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        foreach (var url in new[] { "/api/v1/regulations?q=ruou", "/search/csv?q=ruou", "/feeds/regulations.atom" })
        {
            var text = await client.GetStringAsync(url);
            Assert.DoesNotContain("evil.example", text);
            Assert.Contains(PublicUrl + "/regulations/1.000106", text);
        }
    }

    [Fact]
    public async Task In_production_only_the_configured_hosts_are_served()
    {
        using var app = new ConsultApp();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/")).StatusCode);
    }
}
