using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

[Collection(nameof(BrowserCollection))]
public class EffortIndexJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Fact]
    public async Task A_number_on_the_dashboard_leads_down_to_the_records_behind_it()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Nỗ lực cải cách" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("period-status")).ToHaveTextAsync("Tạm tính");
        await Assertions.Expect(page.Locator("svg#ranking-chart title")).ToContainTextAsync("Điểm nỗ lực cải cách");
        await page.ScreenshotAsync("no-luc-cai-cach");

        await page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "Bộ Công Thương" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bộ Công Thương");
        await page.ScreenshotAsync("no-luc-cai-cach-co-quan");

        var published = page.Locator("tr[data-indicator=published]");
        var numerator = published.Locator("td").First.GetByRole(AriaRole.Link);
        var count = int.Parse((await numerator.TextContentAsync())!.Replace(".", ""));
        await numerator.ClickAsync();
        await Assertions.Expect(page.GetByTestId("value")).ToHaveTextAsync(count.ToString("N0", new System.Globalization.CultureInfo("vi-VN")));
        // Each record adds its amount: one per regulation, a KTCN its products.
        var sum = await page.GetByTestId("records").Locator("tbody tr").EvaluateAllAsync<int>("rows => rows.reduce((s, r) => s + Number(r.dataset.amount), 0)");
        Assert.Equal(count, sum);
        await page.ScreenshotAsync("no-luc-cai-cach-ban-ghi");

        var first = page.GetByTestId("records").Locator("tbody tr a").First;
        var title = (await first.TextContentAsync())!.Split(" – ", 2)[1];
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }
}
