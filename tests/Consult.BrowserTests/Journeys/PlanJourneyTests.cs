using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

[Collection(nameof(BrowserCollection))]
public class PlanJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    private static async Task ExpectStatusAsync(IPage page, string status) =>
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync(status);

    /// <summary>The wrong role neither sees the step's button nor reaches its form.</summary>
    private static async Task RefusedAsync(IPage page, string planUrl, string button, string formPath)
    {
        await page.GotoAsync(planUrl);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = button })).ToHaveCountAsync(0);
        Assert.Equal(403, (await page.GotoAsync(planUrl + formPath))!.Status);
    }

    [Fact]
    public async Task A_plan_is_drafted_submitted_returned_resubmitted_approved_and_executed_each_step_by_its_role()
    {
        var editor = await Browser.SignedInPageAsync("canbo.bct@consult.demo");
        await editor.GotoAsync("/regulations/2.002798");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Cập nhật ước tính chi phí" }).ClickAsync();
        await editor.GetByLabel("Các bước thực hiện").FillAsync("Tìm hiểu quy định: 2\nChuẩn bị hồ sơ: 8\nNộp hồ sơ, nhận kết quả: 2");
        await editor.GetByLabel("Phí, lệ phí").FillAsync("1.200.000");
        await editor.GetByLabel("Số lần thực hiện mỗi năm").FillAsync("1");
        await editor.GetByLabel("Số đối tượng thực hiện mỗi năm").FillAsync("2.000");
        await editor.ScreenshotAsync("chi-phi-tuan-thu");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu ước tính" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("cost")).ToContainTextAsync("đồng");

        await editor.GotoAsync("/plans");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Lập phương án" }).ClickAsync();
        await editor.GetByLabel("Tên phương án").FillAsync("Phương án đơn giản hóa thủ tục cấp phép bán lẻ năm 2026");
        await editor.GetByLabel("Năm").FillAsync("2026");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await ExpectStatusAsync(editor, "Dự thảo");
        var planUrl = new Uri(editor.Url).AbsolutePath;

        await editor.GetByRole(AriaRole.Link, new() { Name = "Thêm quy định vào phương án" }).ClickAsync();
        await editor.GetByLabel("Mã quy định").FillAsync("2.002798");
        await editor.GetByLabel("Đơn giản hóa").CheckAsync();
        await editor.GetByLabel("Lý do").FillAsync("Bỏ yêu cầu nộp bản sao giấy chứng nhận đăng ký doanh nghiệp.");
        await editor.GetByLabel("Số hiệu (ví dụ 100/2019/NĐ-CP)").FillAsync("09/2018/NĐ-CP");
        await editor.GetByLabel("Điều, khoản").FillAsync("Điều 27");
        await editor.GetByLabel("Hạn (ngày/tháng/năm)").FillAsync("30/06/2027");
        await editor.GetByLabel("Các bước thực hiện").FillAsync("Chuẩn bị hồ sơ: 3\nNộp trực tuyến: 0,5");
        await editor.GetByLabel("Số lần thực hiện mỗi năm").FillAsync("1");
        await editor.GetByLabel("Số đối tượng thực hiện mỗi năm").FillAsync("2.000");
        await editor.ScreenshotAsync("phuong-an-them-muc");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId("items")).ToContainTextAsync("2.002798");
        await editor.ScreenshotAsync("phuong-an-du-thao");
        await RefusedAsync(editor, planUrl, "Trình Thủ tướng Chính phủ", "/approve");

        var lead = await Browser.SignedInPageAsync("lanhdao.bct@consult.demo");
        await lead.GotoAsync(planUrl);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Trình Thủ tướng Chính phủ" }).ClickAsync();
        // An irreversible step asks first and says what will happen.
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trình Thủ tướng Chính phủ phương án này?");
        await lead.ScreenshotAsync("phuong-an-xac-nhan-trinh");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Trình Thủ tướng Chính phủ" }).ClickAsync();
        await ExpectStatusAsync(lead, "Đã trình");

        var reviewer = await Browser.SignedInPageAsync("ratsoat@consult.demo");
        await RefusedAsync(lead, planUrl, "Trả lại", "/return");
        await reviewer.GotoAsync(planUrl);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Trả lại" }).ClickAsync();
        await reviewer.GetByLabel("Lý do trả lại").FillAsync("Bổ sung căn cứ tính số đối tượng thực hiện.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await ExpectStatusAsync(reviewer, "Trả lại để hoàn thiện");

        await lead.GotoAsync(planUrl);
        await Assertions.Expect(lead.GetByRole(AriaRole.Note)).ToContainTextAsync("Bổ sung căn cứ");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Trình Thủ tướng Chính phủ" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Trình Thủ tướng Chính phủ" }).ClickAsync();
        await ExpectStatusAsync(lead, "Đã trình");

        await RefusedAsync(editor, planUrl, "Ghi nhận quyết định phê duyệt", "/approve");
        await reviewer.GotoAsync(planUrl);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận quyết định phê duyệt" }).ClickAsync();
        await reviewer.GetByLabel("Số quyết định").FillAsync("1999/QĐ-TTg");
        await reviewer.GetByLabel("Ngày quyết định").FillAsync("02/11/2026");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await ExpectStatusAsync(reviewer, "Đã phê duyệt");
        await Assertions.Expect(reviewer.GetByTestId("decision")).ToContainTextAsync("1999/QĐ-TTg");

        await editor.GotoAsync(planUrl);
        var executionPath = await editor.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận thực thi 2.002798" }).GetAttributeAsync("href");
        Assert.Equal(403, (await reviewer.GotoAsync(executionPath!))!.Status);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận thực thi 2.002798" }).ClickAsync();
        await editor.GetByLabel("Số hiệu văn bản thực thi").FillAsync("61/2026/NĐ-CP");
        await editor.GetByLabel("Ngày ban hành").FillAsync("10/11/2026");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await ExpectStatusAsync(editor, "Đã thực thi");
        await Assertions.Expect(editor.GetByTestId("progress")).ToHaveTextAsync("1/1");
        await Assertions.Expect(editor.GetByTestId("history")).ToContainTextAsync("Trả lại");
        await editor.ScreenshotAsync("phuong-an-da-thuc-thi");

        await editor.GotoAsync("/regulations/2.002798");
        await Assertions.Expect(editor.Locator("section[aria-labelledby=basis-heading]")).ToContainTextAsync("61/2026/NĐ-CP");
    }

    [Fact]
    public async Task The_public_reads_the_approved_plans_report_and_a_plan()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/reports/approved-plans");
        await Assertions.Expect(page.Locator("[data-testid=report] tfoot td").First).ToHaveTextAsync("1.107");
        await page.ScreenshotAsync("bao-cao-phuong-an");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bộ Giao thông vận tải" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("1977/QĐ-TTg");
        await page.ScreenshotAsync("phuong-an-da-phe-duyet");
    }
}
