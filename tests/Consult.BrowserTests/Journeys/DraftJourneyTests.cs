using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>A draft decree is read and commented on clause by clause, and its papers are there to download.</summary>
[Collection(nameof(BrowserCollection))]
public class DraftJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    /// <summary>The demo's draft decree, entered again as a new consultation's text.</summary>
    private static string Draft()
    {
        using var reader = new StreamReader(Consult.Web.Infrastructure.Data.SchemaMigrator.EmbeddedStream("db/demo/draft_decree.txt"));
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task A_lead_publishes_a_draft_with_its_text_and_explanatory_report_and_a_business_comments_on_article_5_clause_2()
    {
        var editor = await Browser.SignedInPageAsync("canbo.bct@consult.demo");
        await editor.GotoAsync("/workspace/documents/new");
        await editor.GetByLabel("Số hiệu").FillAsync("950/2026/NĐ-CP");
        await editor.GetByLabel("Trích yếu").FillAsync("Dự thảo Nghị định sửa đổi, bổ sung điều kiện kinh doanh rượu");
        await editor.GetByLabel("Tình trạng").SelectOptionAsync("draft");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu văn bản 950/2026/NĐ-CP");

        var today = DateTime.UtcNow.AddHours(7);
        var lead = await Browser.SignedInPageAsync("lanhdao.bct@consult.demo");
        await lead.GotoAsync("/consultations/new");
        await lead.GetByLabel("Dự thảo văn bản quy phạm pháp luật").CheckAsync();
        await lead.GetByLabel("Số hiệu văn bản, số phương án hoặc mã quy định").FillAsync("950/2026/NĐ-CP");
        await lead.GetByLabel("Tiêu đề").FillAsync("Lấy ý kiến dự thảo Nghị định về điều kiện kinh doanh rượu");
        await lead.GetByLabel("Ngày bắt đầu").FillAsync(today.ToString("dd/MM/yyyy"));
        await lead.GetByLabel("Ngày kết thúc").FillAsync(today.AddDays(30).ToString("dd/MM/yyyy"));
        await lead.GetByLabel("Toàn văn dự thảo").FillAsync(Draft());
        await lead.GetByLabel("Tờ trình (PDF hoặc DOCX)").SetInputFilesAsync(new FilePayload
        {
            Name = "to-trinh.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% to trinh\n"),
        });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Công bố lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đang lấy ý kiến");
        var url = new Uri(lead.Url).AbsolutePath;
        await Assertions.Expect(lead.GetByTestId("papers")).ToContainTextAsync("Tờ trình");

        var business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
        await business.GotoAsync(url);
        var article = business.Locator("#dieu-5");
        await Assertions.Expect(article).ToContainTextAsync("Có kho hàng hoặc hợp đồng thuê kho");
        await business.Locator("#dieu-5-khoan-2").GetByRole(AriaRole.Link, new() { Name = "Góp ý khoản 2" }).ClickAsync();
        await Assertions.Expect(business.Locator("select[name=ItemId] option:checked")).ToHaveTextAsync("Điều 5 khoản 2");
        await business.GetByLabel("Góp ý sửa đổi").CheckAsync();
        await business.GetByLabel("Nội dung góp ý").FillAsync("Đề nghị bỏ yêu cầu diện tích kho tối thiểu 50 m2 với doanh nghiệp nhỏ.");
        await business.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(business.GetByTestId("comments")).ToContainTextAsync("về Điều 5 khoản 2");
        await Assertions.Expect(business.Locator("#dieu-5 [data-testid=article-count]")).ToHaveTextAsync("1 ý kiến");
        await business.ScreenshotAsync("du-thao-gop-y-theo-khoan");

        await lead.GotoAsync(url);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Kết thúc lấy ý kiến…" }).ClickAsync();
        await lead.GetByLabel("Lý do (được công khai)").FillAsync("Đã nhận đủ ý kiến của các hiệp hội ngành đồ uống.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Kết thúc lấy ý kiến" }).ClickAsync();
        await lead.GotoAsync(url + "/report");
        var article5 = lead.GetByTestId("by-article").Locator("tr", new() { HasText = "Điều 5." });
        await Assertions.Expect(article5.Locator("th")).ToHaveTextAsync("Điều 5. Điều kiện bán buôn rượu");
        await Assertions.Expect(article5.Locator("td")).ToHaveTextAsync("1");
        await lead.GotoAsync(url);
        await lead.Locator("a[href$='/answer']").First.ClickAsync();
        await lead.GetByLabel("Tiếp thu một phần").CheckAsync();
        await lead.GetByLabel("Giải trình").FillAsync("Tiếp thu một phần: doanh nghiệp nhỏ được thuê kho chung thay cho kho riêng.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Công bố giải trình" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("answer")).ToContainTextAsync("thuê kho chung");
    }
}
