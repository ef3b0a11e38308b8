using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>Feedback on a regulation in force travels from a business to two ministries and back, in public.</summary>
[Collection(nameof(BrowserCollection))]
public class FeedbackJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    private static async Task<int> LateAnswersOfAsync(IPage page, string agency)
    {
        await page.GotoAsync("/consultations/answers");
        var row = page.GetByTestId("feedback-timeliness").Locator("tbody tr", new() { HasText = agency });
        return await row.CountAsync() == 0 ? 0 : int.Parse(await row.Locator("td").Nth(2).InnerTextAsync());
    }

    [Fact]
    public async Task A_business_files_feedback_the_ministry_transfers_it_the_other_answers_late_and_the_author_rates_it()
    {
        var visitor = await Browser.NewPageAsync();
        var lateBefore = await LateAnswersOfAsync(visitor, "Bộ Y tế");
        try
        {
            var business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
            await business.GotoAsync("/regulations/1.000106");
            await business.GetByTestId("regulation-feedback").GetByRole(AriaRole.Link, new() { Name = "Gửi phản ánh, kiến nghị" }).ClickAsync();
            await Assertions.Expect(business.GetByLabel("Quy định (mã thủ tục hoặc mã quy định)")).ToHaveValueAsync("1.000106");
            await business.GetByLabel("Vướng mắc, bất cập").FillAsync("Phải xin giấy xác nhận nhãn hàng hóa cho từng lô rượu nhập khẩu cùng loại.");
            await business.GetByLabel("Kiến nghị, đề xuất").FillAsync("Cho phép xác nhận một lần cho sản phẩm cùng loại, cùng nhà sản xuất.");
            await business.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();
            await Assertions.Expect(business.GetByTestId("feedback-status")).ToHaveTextAsync("Đang xử lý");
            var url = new Uri(business.Url).AbsolutePath;

            var bct = await Browser.SignedInPageAsync("canbo.bct@consult.demo");
            await bct.GotoAsync("/feedback/queue");
            await bct.GetByTestId("to-answer").Locator($"a[href='{url}']").ClickAsync();
            await bct.GetByRole(AriaRole.Link, new() { Name = "Chuyển cơ quan khác…" }).ClickAsync();
            await bct.GetByLabel("Chuyển đến cơ quan").SelectOptionAsync(new SelectOptionValue { Label = "Bộ Y tế" });
            await bct.GetByLabel("Lý do chuyển (được công khai)").FillAsync("Nhãn thực phẩm thuộc phạm vi quản lý của Bộ Y tế.");
            await bct.GetByRole(AriaRole.Button, new() { Name = "Chuyển phản ánh" }).ClickAsync();
            await Assertions.Expect(bct.GetByTestId("feedback-status")).ToHaveTextAsync("Đang chuyển cơ quan khác");

            var byt = await Browser.SignedInPageAsync("canbo.byt@consult.demo");
            await byt.GotoAsync("/feedback/queue");
            await byt.GetByTestId("offered").Locator($"a[href='{url}']").ClickAsync();
            await byt.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
            await Assertions.Expect(byt.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhận xử lý");
            await byt.ScreenshotAsync("phan-anh-da-nhan");

            // A month passes without an answer: Bộ Y tế answers after its deadline.
            Browser.Clock.Shift = TimeSpan.FromDays(30);
            var lead = await Browser.SignedInPageAsync("lanhdao.byt@consult.demo");
            await lead.GotoAsync(url);
            await Assertions.Expect(lead.GetByTestId("feedback-late")).ToHaveTextAsync("Quá hạn trả lời");
            await lead.GetByRole(AriaRole.Link, new() { Name = "Trả lời" }).ClickAsync();
            await lead.GetByLabel("Trả lời").FillAsync("Tiếp thu: Bộ Y tế sẽ cho phép xác nhận một lần khi sửa nghị định về nhãn hàng hóa.");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Công bố câu trả lời" }).ClickAsync();
            await Assertions.Expect(lead.GetByTestId("feedback-late")).ToHaveTextAsync("Trả lời trễ hạn");

            business = await Browser.SignedInPageAsync("doanhnghiep@consult.demo");
            await business.GotoAsync(url);
            await business.GetByRole(AriaRole.Link, new() { Name = "Đánh giá câu trả lời" }).ClickAsync();
            await business.GetByLabel("Không hài lòng").CheckAsync();
            await business.GetByLabel("Nhận xét (không bắt buộc)").FillAsync("Trả lời quá hạn.");
            await business.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
            await Assertions.Expect(business.GetByTestId("feedback-rating")).ToContainTextAsync("Không hài lòng");
            await Assertions.Expect(business.GetByTestId("feedback-history")).ToContainTextAsync("Bộ Công Thương chuyển đến Bộ Y tế – Nhãn thực phẩm thuộc phạm vi quản lý của Bộ Y tế.");
            await business.SetViewportSizeAsync(390, 844);
            await business.ScreenshotAsync("phan-anh-tra-loi-tre-han-390");

            // The public timeliness page counts it late against Bộ Y tế.
            Assert.Equal(lateBefore + 1, await LateAnswersOfAsync(visitor, "Bộ Y tế"));
            await visitor.ScreenshotAsync("tinh-hinh-tra-loi-phan-anh");
        }
        finally
        {
            Browser.Clock.Shift = TimeSpan.Zero;
        }
    }
}
