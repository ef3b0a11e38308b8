using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>Staff forms ask only what fits: the chosen kind's fields, rows for documents, names to pick instead of codes.</summary>
[Collection(nameof(BrowserCollection))]
public class StaffFormJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task An_editor_adds_an_inspection_seeing_only_its_fields_with_two_legal_bases_and_ticked_sectors(int width)
    {
        var page = await Browser.SignedInPageAsync("canbo.bct@consult.demo");
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync("/workspace/regulations/new");

        // A procedure (the first kind) asks for its processing time, not a report's frequency or an inspection's goods.
        var processingTime = page.GetByLabel("Thời hạn giải quyết");
        var frequency = page.GetByLabel("Tần suất báo cáo");
        var products = page.GetByLabel("Sản phẩm, hàng hóa (KTCN; mỗi dòng: mã HS:tên)");
        await Assertions.Expect(processingTime).ToBeVisibleAsync();
        await Assertions.Expect(frequency).ToBeHiddenAsync();
        await Assertions.Expect(products).ToBeHiddenAsync();
        await page.GetByLabel("Loại quy định").SelectOptionAsync("TCQC");
        await Assertions.Expect(page.GetByText("Loại quy định này không có thông tin riêng.")).ToBeVisibleAsync();
        await Assertions.Expect(processingTime).ToBeHiddenAsync();
        await page.GetByLabel("Loại quy định").SelectOptionAsync("KTCN");
        await Assertions.Expect(products).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Cơ quan thực hiện")).ToBeVisibleAsync();
        await Assertions.Expect(processingTime).ToBeHiddenAsync();

        var code = $"KTCN-BCT-W{width}";
        await page.GetByLabel("Mã quy định").FillAsync(code);
        await page.GetByLabel("Tên quy định").FillAsync("Kiểm tra chất lượng pin lithium nhập khẩu");
        await page.GetByLabel("Ngày có hiệu lực").FillAsync("15/01/2026");
        await page.GetByLabel("Số hiệu văn bản (ví dụ 105/2017/NĐ-CP)").FillAsync("67/2013/NĐ-CP");
        await page.GetByLabel("Điều, khoản (ví dụ Điều 11)").FillAsync("Điều 5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm dòng" }).ClickAsync();

        // The page came back with what was typed and a second row; nothing is saved yet.
        var numbers = page.GetByLabel("Số hiệu văn bản (ví dụ 105/2017/NĐ-CP)");
        await Assertions.Expect(numbers).ToHaveCountAsync(3);
        await Assertions.Expect(numbers.First).ToHaveValueAsync("67/2013/NĐ-CP");
        await Assertions.Expect(page.GetByLabel("Tên quy định")).ToHaveValueAsync("Kiểm tra chất lượng pin lithium nhập khẩu");
        await Assertions.Expect(products).ToBeVisibleAsync();
        await numbers.Nth(1).FillAsync("43/2017/NĐ-CP");
        await page.GetByLabel("Lưu thông hàng hóa trong nước").CheckAsync();
        await page.GetByLabel("Lĩnh vực khác (mỗi dòng một lĩnh vực)").FillAsync("Pin, ắc quy");
        await products.FillAsync("8507.60:Pin lithium-ion");
        await page.GetByLabel("Cơ quan thực hiện").FillAsync("Tổng cục Quản lý thị trường");
        await page.ScreenshotAsync($"them-kiem-tra-chuyen-nganh-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã lưu quy định {code}");

        // Opened again, the form reads as saved, dates the Vietnamese way.
        await Assertions.Expect(page.GetByLabel("Ngày có hiệu lực")).ToHaveValueAsync("15/01/2026");
        await Assertions.Expect(numbers.Nth(1)).ToHaveValueAsync("43/2017/NĐ-CP");
        await Assertions.Expect(page.GetByLabel("Lưu thông hàng hóa trong nước")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Pin, ắc quy")).ToBeCheckedAsync();
        await Assertions.Expect(products).ToHaveValueAsync("8507.60:Pin lithium-ion");
        if (await page.EvaluateAsync<int>("document.documentElement.scrollWidth") is var scrollWidth && scrollWidth > width)
        {
            Assert.Fail($"The form is {scrollWidth} px wide on a {width} px screen.");
        }
    }

    [Fact]
    public async Task Filters_pick_an_agency_by_name_and_a_typed_code_in_any_case_still_works()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/plans");
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bộ Công Thương" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.WaitForURLAsync("**agency=BCT**");
        var agencies = await page.GetByTestId("plans").Locator("tbody td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(agencies);
        Assert.All(agencies, name => Assert.Equal("Bộ Công Thương", name));
        await Assertions.Expect(page.GetByLabel("Cơ quan", new() { Exact = true })).ToHaveValueAsync("BCT");

        await page.GotoAsync("/plans?agency=bct");
        Assert.Equal(agencies, await page.GetByTestId("plans").Locator("tbody td:nth-child(2)").AllInnerTextsAsync());
        await Assertions.Expect(page.GetByLabel("Cơ quan", new() { Exact = true })).ToHaveValueAsync("BCT");

        await page.GotoAsync("/consultations");
        await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bộ Công Thương" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.WaitForURLAsync("**agency=BCT**");
        await Assertions.Expect(page.GetByTestId("consultations").Locator("li").First).ToContainTextAsync("Bộ Công Thương");
    }
}
