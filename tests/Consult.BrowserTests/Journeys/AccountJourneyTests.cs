using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

[Collection(nameof(BrowserCollection))]
public class AccountJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Fact]
    public async Task A_business_registers_activates_the_account_from_the_mail_signs_out_and_signs_in_again()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.ScreenshotAsync("trang-chu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký", Exact = true }).ClickAsync();
        await page.GetByLabel("Thư điện tử").FillAsync("hoptac@example.vn");
        await page.GetByLabel("Tên hiển thị").FillAsync("Công ty TNHH Hợp Tác");
        await page.GetByLabel("Doanh nghiệp").CheckAsync();
        await page.GetByLabel("Mã số thuế (không bắt buộc)").FillAsync("0100109106-001");
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync("Hop-tac-2026");
        await page.GetByLabel("Nhập lại mật khẩu").FillAsync("Hop-tac-2026");
        await page.GetByLabel("Tôi đồng ý để cổng xử lý dữ liệu cá nhân").CheckAsync();
        await page.ScreenshotAsync("dang-ky");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("registered")).ToContainTextAsync("hoptac@example.vn");
        await page.ScreenshotAsync("kiem-tra-hop-thu");

        await page.GotoAsync(Browser.LinkMailedTo("hoptac@example.vn", "/account/confirm"));
        await Assertions.Expect(page.GetByTestId("display-name")).ToHaveTextAsync("Công ty TNHH Hợp Tác");
        await page.ScreenshotAsync("tai-khoan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();

        await page.SignInAsync("hoptac@example.vn", "Hop-tac-2026");
        await Assertions.Expect(page.GetByTestId("account-link")).ToHaveTextAsync("Công ty TNHH Hợp Tác");
        await page.ScreenshotAsync("dang-nhap-lai");
    }
}
