using Consult.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Support;

/// <summary>What a test on a <see cref="SharedPortal"/> may count on: nothing the test before it did shows.</summary>
public class SharedPortalTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task A_fresh_portal_shows_nothing_of_the_last_tests_records_nor_of_what_the_portal_derived_from_them()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await app.CreateUserAsync("dn@example.vn");
        Assert.Equal(["1.000106"], (await app.SearchAsync("ruou")).Codes);
        Assert.Equal(1, await GovernmentTotalAsync(app));
        Assert.Equal(["BCT"], await RankedAsync(app));
        Assert.Equal(1, await EffortIndexCountAsync(app, "BCT"));
        app.Clock.Freeze();

        app = portal.Fresh();
        Assert.Null(app.Clock.Fixed);
        Assert.Null(await app.Services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("dn@example.vn"));
        Assert.Empty((await app.SearchAsync("ruou")).Codes);
        Assert.Equal(0, await GovernmentTotalAsync(app));

        // The same row id again, another agency's regulation: the effort index must not see the last test's version 1.
        await app.ImportAsync(File(Row("BYT-0001", "Cấp giấy chứng nhận sản xuất thuốc", agency: "BYT")));
        Assert.Equal(["BYT-0001"], (await app.SearchAsync("thuoc")).Codes);
        Assert.Equal(["BYT"], await RankedAsync(app));
        Assert.Equal(1, await EffortIndexCountAsync(app, "BYT"));
    }

    private static int Number(string text) => int.Parse(new string(text.Where(char.IsDigit).ToArray()));

    private static async Task<int> GovernmentTotalAsync(ConsultApp app) =>
        Number((await app.GetPageAsync("/")).QuerySelector("[data-testid=government-total]")!.TextContent);

    /// <summary>The agencies the effort index scores this year (those with records).</summary>
    private static async Task<IReadOnlyList<string>> RankedAsync(ConsultApp app)
    {
        var year = $"/effort-index/{app.Clock.GetUtcNow().Year}/";
        return [.. (await app.GetPageAsync("/effort-index")).QuerySelectorAll($"a[href^='{year}']").Select(a => a.GetAttribute("href")![year.Length..])];
    }

    private static async Task<int> EffortIndexCountAsync(ConsultApp app, string agency) =>
        Number((await app.GetPageAsync($"/effort-index/{app.Clock.GetUtcNow().Year}/{agency}")).QuerySelector("[data-testid=panel-regulations]")!.TextContent);
}
