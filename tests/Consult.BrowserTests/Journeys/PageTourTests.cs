using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>Each main page opens for the role that uses it; a screenshot of each is kept, at desktop and phone width.</summary>
[Collection(nameof(BrowserCollection))]
public class PageTourTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    [Theory]
    [InlineData("canbo.bct@consult.demo", "/workspace", "Quản lý quy định – Bộ Công Thương", "quan-ly-danh-sach")]
    [InlineData("canbo.bct@consult.demo", "/workspace/regulations/new", "Thêm quy định", "them-quy-dinh")]
    [InlineData("canbo.bct@consult.demo", "/workspace/documents", "Văn bản quy phạm pháp luật – Bộ Công Thương", "van-ban")]
    [InlineData("canbo.bct@consult.demo", "/workspace/import", "Nhập quy định từ tệp CSV", "nhap-tep")]
    [InlineData("ratsoat@consult.demo", "/audit", "Nhật ký thay đổi", "nhat-ky")]
    [InlineData("canbo.bct@consult.demo", "/feedback/queue", "Phản ánh, kiến nghị cần xử lý – Bộ Công Thương", "phan-anh-can-xu-ly")]
    [InlineData("vanphong.hcm@consult.demo", "/feedback/new?regulation=1.000106", "Gửi phản ánh, kiến nghị", "phan-anh-van-phong-tinh")]
    [InlineData("hoidong@consult.demo", "/consultations/4/opinions/new", "Ý kiến độc lập của Hội đồng tư vấn", "y-kien-hoi-dong-tu-van")]
    [InlineData("quantri@consult.demo", "/admin/users", "Quản trị: tài khoản", "quan-tri-tai-khoan")]
    [InlineData("quantri@consult.demo", "/admin/agencies", "Quản trị: cơ quan", "quan-tri-co-quan")]
    [InlineData("quantri@consult.demo", "/admin/sectors", "Quản trị: lĩnh vực", "quan-tri-linh-vuc")]
    [InlineData("quantri@consult.demo", "/admin/calendar", "Quản trị: lịch làm việc", "quan-tri-lich-lam-viec")]
    [InlineData("quantri@consult.demo", "/admin/agencies/BCA/reorganise", "Hợp nhất, chia tách: Bộ Công an", "quan-tri-hop-nhat")]
    [InlineData("quantri@consult.demo", "/reports/published", "Kết quả cập nhật, công khai quy định trên cổng", "bao-cao-cong-khai")]
    public async Task A_main_page_opens_for_its_role(string email, string path, string heading, string screenshot)
    {
        var page = await Browser.SignedInPageAsync(email);
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await page.ScreenshotAsync(screenshot);
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(screenshot + "-390");
    }

    [Fact]
    public async Task A_printed_page_keeps_the_portal_name_its_address_and_the_date_and_drops_the_menus()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync("/regulations/1.000106");
        await Assertions.Expect(page.GetByTestId("printed-from")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var printed = page.GetByTestId("printed-from");
        await Assertions.Expect(printed).ToBeVisibleAsync();
        await Assertions.Expect(printed).ToContainTextAsync("Cổng tham vấn và tra cứu quy định kinh doanh");
        await Assertions.Expect(printed).ToContainTextAsync("/regulations/1.000106");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })).ToBeHiddenAsync();
        await page.ScreenshotAsync("in-quy-dinh");
    }
}
