using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>On a 390 px phone, no main page is wider than the screen: wide tables and charts scroll inside their own box.</summary>
[Collection(nameof(BrowserCollection))]
public class PhoneWidthTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/search?q=giấy phép")]
    [InlineData(null, "/regulations/1.000106")]
    [InlineData(null, "/legal-documents")]
    [InlineData(null, "/agencies")]
    [InlineData(null, "/agencies/BCT")]
    [InlineData(null, "/consultations")]
    [InlineData(null, "/consultations/1")]
    [InlineData(null, "/plans")]
    [InlineData(null, "/plans/1")]
    [InlineData(null, "/effort-index")]
    [InlineData(null, "/effort-index?period=2025")]
    [InlineData(null, "/effort-index/methodology")]
    [InlineData(null, "/reports/approved-plans")]
    [InlineData(null, "/reports/executed-cuts")]
    [InlineData(null, "/reports/published")]
    [InlineData(null, "/api")]
    [InlineData(null, "/feedback")]
    [InlineData(null, "/feedback/5")]
    [InlineData(null, "/consultations/answers")]
    [InlineData("doanhnghiep@consult.demo", "/feedback/new?regulation=1.000106")]
    [InlineData("canbo.bct@consult.demo", "/feedback/queue")]
    [InlineData(null, "/applicable?lines=4633&form=tnhh&size=nho&province=01")]
    [InlineData(null, "/applicable/checklist?lines=4633&form=tnhh&size=nho&province=01")]
    [InlineData("doanhnghiep@consult.demo", "/account")]
    [InlineData("canbo.bct@consult.demo", "/workspace")]
    [InlineData("canbo.bct@consult.demo", "/workspace/regulations/new")]
    [InlineData("lanhdao.bct@consult.demo", "/plans/10")]
    [InlineData("ratsoat@consult.demo", "/audit")]
    [InlineData("quantri@consult.demo", "/admin/users")]
    [InlineData("quantri@consult.demo", "/admin/calendar")]
    [InlineData("quantri@consult.demo", "/admin/vsic")]
    public async Task A_main_page_fits_a_phone_for_its_reader(string? email, string path)
    {
        var page = email is null ? await Browser.NewPageAsync() : await Browser.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        // Names the element that sticks out, to know what to fix.
        var culprit = width <= 390 ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).map(e => e.tagName + '.' + e.className).slice(-3).join(', ')");
        Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px screen: {culprit}");
    }

    [Fact]
    public async Task Search_filters_sit_folded_above_the_results_on_a_phone_and_open_beside_them_on_a_desktop()
    {
        var page = await Browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/search?q=giấy phép");
        var filters = page.GetByTestId("filters");
        var firstResult = page.Locator(".result").First;
        Assert.True((await filters.BoundingBoxAsync())!.Y < (await firstResult.BoundingBoxAsync())!.Y);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Loại quy định" })).ToBeHiddenAsync();
        await page.Locator("summary", new() { HasText = "Lọc kết quả" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Loại quy định" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("tra-cuu-390");

        var desktop = await Browser.NewPageAsync();
        await desktop.GotoAsync("/search?q=giấy phép");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Loại quy định" })).ToBeVisibleAsync();
    }
}
