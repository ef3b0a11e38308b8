using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

[Collection(nameof(BrowserCollection))]
public class ConsultationJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Fact]
    public async Task A_business_comments_in_the_window_the_agency_answers_the_business_rates_and_the_report_shows_it()
    {
        var today = DateTime.UtcNow.AddHours(7);
        var lead = await Browser.SignedInPageAsync("lanhdao.bct@consult.demo");
        await lead.GotoAsync("/consultations");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Tạo đợt lấy ý kiến" }).ClickAsync();
        await lead.GetByLabel("Quy định đang có hiệu lực").CheckAsync();
        await lead.GetByLabel("Số hiệu văn bản, số phương án hoặc mã quy định").FillAsync("1.001318");
        await lead.GetByLabel("Tiêu đề").FillAsync("Lấy ý kiến về thủ tục 1.001318");
        await lead.GetByLabel("Ngày bắt đầu").FillAsync(today.ToString("dd/MM/yyyy"));
        await lead.GetByLabel("Ngày kết thúc").FillAsync(today.AddDays(29).ToString("dd/MM/yyyy"));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Công bố lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đang lấy ý kiến");
        await Assertions.Expect(lead.GetByTestId("countdown")).ToHaveTextAsync("29 ngày");
        var url = new Uri(lead.Url).AbsolutePath;

        var business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
        await business.GotoAsync(url);
        await business.GetByLabel("Góp ý sửa đổi").CheckAsync();
        await business.GetByLabel("Nội dung góp ý").FillAsync("Đề nghị cho phép nộp bản chụp thay cho bản sao có chứng thực.");
        await business.ScreenshotAsync("lay-y-kien-gop-y");
        await business.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Assertions.Expect(business.GetByTestId("comments")).ToContainTextAsync("bản chụp thay cho bản sao");

        await lead.GotoAsync(url);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Kết thúc lấy ý kiến…" }).ClickAsync();
        await lead.GetByLabel("Lý do (được công khai)").FillAsync("Đã đủ ý kiến của các hiệp hội ngành rượu, bia.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Kết thúc lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("window-change")).ToContainTextAsync("Lý do: Đã đủ ý kiến của các hiệp hội ngành rượu, bia.");
        await Assertions.Expect(lead.GetByTestId("status")).ToHaveTextAsync("Đã kết thúc, đang giải trình");

        await business.GotoAsync(url);
        await Assertions.Expect(business.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" })).ToHaveCountAsync(0);
        await Assertions.Expect(business.GetByText("Đợt lấy ý kiến đã kết thúc; không nhận thêm góp ý.")).ToBeVisibleAsync();

        var otherMinistry = await Browser.SignedInPageAsync("lanhdao.byt@consult.demo");
        await otherMinistry.GotoAsync(url);
        await Assertions.Expect(otherMinistry.Locator("a[href$='/answer']")).ToHaveCountAsync(0);
        await lead.GotoAsync(url);
        var answerPath = await lead.Locator("a[href$='/answer']").First.GetAttributeAsync("href");
        Assert.Equal(403, (await otherMinistry.GotoAsync(answerPath!))!.Status);

        await lead.GotoAsync(answerPath!);
        await lead.GetByLabel("Tiếp thu", new() { Exact = true }).CheckAsync();
        await lead.GetByLabel("Giải trình").FillAsync("Tiếp thu: dự thảo cho phép nộp bản chụp kèm bản chính để đối chiếu.");
        await lead.ScreenshotAsync("giai-trinh");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Công bố giải trình" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("answer")).ToContainTextAsync("Tiếp thu");

        await business.GotoAsync(url);
        await business.GetByRole(AriaRole.Link, new() { Name = "Đánh giá giải trình" }).ClickAsync();
        await business.GetByLabel("Hài lòng", new() { Exact = true }).CheckAsync();
        await business.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await Assertions.Expect(business.GetByTestId("rating")).ToContainTextAsync("Hài lòng");
        await Assertions.Expect(business.GetByTestId("status")).ToHaveTextAsync("Đã giải trình");

        await business.GetByRole(AriaRole.Link, new() { Name = "Báo cáo tổng hợp, tiếp thu, giải trình" }).ClickAsync();
        var row = business.GetByTestId("summary").Locator("tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Doanh nghiệp");
        await Assertions.Expect(row).ToContainTextAsync("bản chụp kèm bản chính");
        await Assertions.Expect(row).ToContainTextAsync("Hài lòng");
        await Assertions.Expect(business.GetByTestId("summary-counts")).ToContainTextAsync("Góp ý sửa đổi");
        await business.ScreenshotAsync("bao-cao-tong-hop");
    }

    [Fact]
    public async Task A_moderator_hides_an_abusive_comment_and_the_reason_shows()
    {
        var business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
        await business.GotoAsync("/consultations?status=open");
        await business.GetByRole(AriaRole.Link, new() { Name = "Lấy ý kiến về đơn giản hóa thủ tục cấp Giấy phép bán buôn rượu" }).ClickAsync();
        await business.GetByLabel("Không ủng hộ").CheckAsync();
        await business.GetByLabel("Nội dung góp ý").FillAsync("Cán bộ làm việc như ăn cướp <script>alert(1)</script>");
        await business.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        var url = new Uri(business.Url).AbsolutePath;

        var reviewer = await Browser.SignedInPageAsync("ratsoat@consult.demo");
        await reviewer.GotoAsync(url);
        await reviewer.Locator(".comment", new() { HasText = "ăn cướp" }).GetByRole(AriaRole.Link, new() { Name = "Ẩn ý kiến" }).ClickAsync();
        await reviewer.GetByLabel("Lý do ẩn").FillAsync("Ngôn từ xúc phạm, vi phạm quy tắc ứng xử.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Ẩn ý kiến" }).ClickAsync();

        var visitor = await Browser.NewPageAsync();
        await visitor.GotoAsync(url);
        await Assertions.Expect(visitor.GetByTestId("hidden-reason").Last).ToContainTextAsync("Ngôn từ xúc phạm");
        await Assertions.Expect(visitor.GetByTestId("comments")).Not.ToContainTextAsync("ăn cướp");
        await visitor.ScreenshotAsync("y-kien-bi-an");
    }
}
