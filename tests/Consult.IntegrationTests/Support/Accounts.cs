using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Consult.Web.Infrastructure.Security;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Support;

/// <summary>Accounts and signed-in browsers for tests: real users, real cookies, real antiforgery tokens.</summary>
public static class Accounts
{
    public const string Password = "Mật-khẩu-2026";

    public static async Task<AppUser> CreateUserAsync(this ConsultApp app, string email, string? agency = null, params string[] roles)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        int? agencyId = null;
        if (agency is not null)
        {
            using var connection = Database.Open(app);
            agencyId = connection.ExecuteScalar<int>("select id from agency where code = @agency", new { agency });
        }
        var user = new AppUser { Email = email, DisplayName = "Người dùng " + email, UserKind = agency is null ? "citizen" : "government", AgencyId = agencyId, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }
        return user;
    }

    public static HttpClient Browser(this ConsultApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as the user.</summary>
    public static async Task<HttpClient> SignInAsync(this ConsultApp app, string email, string password = Password)
    {
        var browser = app.Browser();
        var response = await browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Posts a form as a browser would: with the antiforgery token read from a page the user can open.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await Html(await browser.GetAsync(tokenPage));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}.");
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<IHtmlDocument> Html(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The messages a re-rendered form shows next to the fields and in its summary.</summary>
    public static IReadOnlyList<string> Errors(this IHtmlDocument page) =>
        page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
}
