using System.Text.Json;
using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>A business owner asks which rules apply to their shop and what they cost, without knowing kinds or ministries.</summary>
[Collection(nameof(BrowserCollection))]
public class ApplicableJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    private const string Profile = "lines=4633&form=tnhh&size=nho&province=01";

    [Fact]
    public async Task A_visitor_finds_what_applies_to_a_small_drinks_wholesaler_in_Ha_Noi_keeps_the_profile_and_prints_the_checklist()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Áp dụng cho tôi" }).ClickAsync();
        await page.GetByLabel("Tìm ngành theo mã hoặc tên").FillAsync("ban buon do uong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm ngành" }).ClickAsync();
        await page.GetByLabel("4633 – Bán buôn đồ uống").CheckAsync();
        await page.GetByLabel("Loại hình").SelectOptionAsync(new SelectOptionValue { Label = "Công ty trách nhiệm hữu hạn" });
        await page.GetByLabel("Quy mô").SelectOptionAsync(new SelectOptionValue { Label = "Nhỏ" });
        await page.GetByLabel("Tỉnh, thành phố").SelectOptionAsync("01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem quy định áp dụng" }).ClickAsync();

        // The page agrees with the open-data answer for the same profile, regulation by regulation.
        var api = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/applicable?{Profile}")).TextAsync()).RootElement;
        var total = api.GetProperty("total").GetInt32();
        await Assertions.Expect(page.GetByTestId("summary").GetByRole(AriaRole.Heading)).ToHaveTextAsync($"{total} quy định áp dụng");
        await Assertions.Expect(page.Locator("[data-testid=applicable] tbody tr")).ToHaveCountAsync(total);
        var summary = await page.GetByTestId("yearly-cost").InnerTextAsync();
        Assert.EndsWith("triệu đồng", summary);
        Assert.Contains(Profile.Split('&')[0], page.Url);
        await page.ScreenshotAsync("ap-dung-cho-toi");

        await page.GetByRole(AriaRole.Link, new() { Name = "1.000106" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("applies")).ToContainTextAsync("4633");
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByLabel("4633 – Bán buôn đồ uống")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Tỉnh, thành phố")).ToHaveValueAsync("01");
        await Assertions.Expect(page.GetByTestId("yearly-cost")).ToHaveTextAsync(summary);

        await page.GetByRole(AriaRole.Link, new() { Name = "In danh sách kiểm tra" }).ClickAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("checklist-profile")).ToContainTextAsync("Thành phố Hà Nội");
        await Assertions.Expect(page.Locator("[data-testid=checklist] li")).ToHaveCountAsync(total);
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await page.ScreenshotAsync("danh-sach-kiem-tra-in");
    }

    [Fact]
    public async Task A_signed_in_business_saves_the_profile_and_is_told_when_an_applicable_regulation_changes()
    {
        var business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
        await business.GotoAsync($"/applicable?{Profile}");
        await business.GetByLabel("Tên hồ sơ").FillAsync("Cửa hàng bán buôn đồ uống Hà Nội");
        await business.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu hồ sơ");
        await business.GotoAsync("/account");
        await Assertions.Expect(business.GetByTestId("saved-profiles")).ToContainTextAsync("Cửa hàng bán buôn đồ uống Hà Nội");
        await business.SetViewportSizeAsync(390, 844);
        await business.ScreenshotAsync("tai-khoan-ho-so-da-luu-390");
        await business.SetViewportSizeAsync(1366, 900);

        var editor = await Browser.SignedInPageAsync("canbo.bct@consult.demo");
        await editor.GotoAsync("/workspace/regulations/YCDK-BCT-0002/edit");
        await editor.GetByLabel("Nội dung").FillAsync("Thương nhân bán buôn rượu phải có kho hoặc hợp đồng thuê kho đáp ứng điều kiện bảo quản.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu quy định YCDK-BCT-0002");

        await business.GotoAsync("/account/notifications");
        await Assertions.Expect(business.GetByText("YCDK-BCT-0002", new() { Exact = false }).First).ToContainTextAsync("Cửa hàng bán buôn đồ uống Hà Nội");
        await business.ScreenshotAsync("thong-bao-quy-dinh-ap-dung");
    }
}
