using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

[Collection(nameof(BrowserCollection))]
public class EditorJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Fact]
    public async Task An_editor_edits_a_regulation_sees_the_new_version_and_its_diff_and_search_finds_the_change()
    {
        var page = await Browser.NewPageAsync();
        await page.SignInAsync("canbo.bct@consult.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Quản lý quy định" }).ClickAsync();
        await page.GetByLabel("Từ khóa, mã, số hiệu văn bản").FillAsync("1.000106");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.ScreenshotAsync("quan-ly");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa 1.000106" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version")).ToHaveTextAsync("1");

        await page.GetByLabel("Tên quy định").FillAsync("Cấp Giấy phép bán buôn rượu có độ cồn từ 5,5 độ trở lên");
        await page.ScreenshotAsync("sua-quy-dinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu quy định 1.000106");
        await Assertions.Expect(page.GetByTestId("version")).ToHaveTextAsync("2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trang công khai và lịch sử thay đổi" }).ClickAsync();
        await page.ScreenshotAsync("quy-dinh");
        await page.GetByRole(AriaRole.Link, new() { Name = "Xem thay đổi của phiên bản 2" }).ClickAsync();
        var diff = page.GetByTestId("diff");
        await Assertions.Expect(diff.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(diff.Locator("tbody th")).ToHaveTextAsync("Tên");
        await Assertions.Expect(diff.Locator("tbody ins")).ToContainTextAsync("có độ cồn từ 5,5 độ trở lên");
        await page.ScreenshotAsync("thay-doi-phien-ban");

        await page.GotoAsync("/search?q=do+con+5,5");
        await Assertions.Expect(page.Locator(".result h3").First).ToContainTextAsync("có độ cồn từ 5,5 độ trở lên");
        await page.ScreenshotAsync("tra-cuu");
    }

    [Fact]
    public async Task An_editor_of_another_agency_is_refused()
    {
        var page = await Browser.SignedInPageAsync("canbo.byt@consult.demo");
        var response = await page.GotoAsync("/workspace/regulations/KTCN-BCT-0001/edit");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
        await page.ScreenshotAsync("tu-choi");
    }
}
