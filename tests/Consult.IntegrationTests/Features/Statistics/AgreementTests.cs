using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Security;

namespace Consult.IntegrationTests.Features.Statistics;

/// <summary>
/// One counting rule: an agency's number of regulations (in force, published, a KTCN counted by its products) is the
/// same on the agencies list, its own page, its effort-index page, the statistics API and the workspace overview.
/// </summary>
[Collection(nameof(DemoCollection))]
public class AgreementTests(DemoApp app)
{
    private static int Number(string text) => int.Parse(new string(text.Where(char.IsDigit).ToArray()));

    [Fact]
    public async Task Every_agency_has_one_total_wherever_it_appears()
    {
        var list = await app.GetPageAsync("/agencies");
        var totals = list.QuerySelectorAll("[data-testid=agencies] tbody tr")
            .ToDictionary(row => row.GetAttribute("data-agency")!, row => Number(row.QuerySelector("[data-testid=total]")!.TextContent));
        var api = (await app.GetJsonAsync("/api/v1/statistics/regulations?status=in_force")).GetProperty("agencies").EnumerateArray()
            .ToDictionary(a => a.GetProperty("agency").GetString()!, a => a.GetProperty("total").GetProperty("published").GetInt32());
        var reviewer = await app.SignInAsync("ratsoat@consult.demo", DemoAccounts.Password);
        var year = app.Clock.GetUtcNow().Year;

        var counted = totals.Where(t => t.Value > 0).ToList();
        Assert.True(counted.Count >= 5, "the demo has figures for several agencies");
        foreach (var (code, total) in counted)
        {
            var page = await app.GetPageAsync($"/agencies/{code}");
            var index = await app.GetPageAsync($"/effort-index/{year}/{code}");
            var workspace = await Accounts.Html(await reviewer.GetAsync($"/workspace?agency={code}"));
            Assert.Equal((code, total), (code, Number(page.QuerySelector("[data-testid=agency-total]")!.TextContent)));
            Assert.Equal((code, total), (code, Number(index.QuerySelector("[data-testid=panel-regulations]")!.TextContent)));
            Assert.Equal((code, total), (code, api[code]));
            Assert.Equal((code, total), (code, Number(workspace.QuerySelector("[data-testid=agency-total]")!.TextContent)));
        }

        var government = Number((await app.GetPageAsync("/")).QuerySelector("[data-testid=government-total]")!.TextContent);
        Assert.Equal(totals.Values.Sum(), government);
        Assert.Equal(government, Number((await app.GetPageAsync("/effort-index")).QuerySelector("[data-testid=panel-regulations]")!.TextContent));
    }

    [Fact]
    public async Task A_count_of_another_day_or_rule_says_which_day_and_what_it_counts()
    {
        var today = Consult.Web.Infrastructure.VietnamTime.Today(app.Clock);
        var agency = await app.GetPageAsync("/agencies/BCT");
        Assert.Contains($"đã công khai hôm nay, {Consult.Domain.Text.VietnameseDates.Show(today)}", agency.QuerySelector("[data-testid=agency-figure]")!.TextContent);

        var index = await app.GetPageAsync("/effort-index/2025/BCT");
        var byKind = index.QuerySelector("[aria-labelledby=kinds-heading]")!;
        Assert.Contains("ngày 31/12/2025", byKind.QuerySelector("h2")!.TextContent);
        Assert.Contains("Gồm cả quy định chưa công khai", byKind.TextContent);
    }
}
