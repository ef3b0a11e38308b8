using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Workspace;

public class WorkspaceImportTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("BYT-0001", "Cấp giấy chứng nhận cơ sở đủ điều kiện sản xuất thuốc", agency: "BYT", sectors: "Dược")));
        await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string csv)
    {
        var page = await Accounts.Html(await browser.GetAsync("/workspace/import"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "File", "quy-dinh.csv" },
        };
        return await browser.PostAsync("/workspace/import", form);
    }

    [Fact]
    public async Task An_upload_is_previewed_row_by_row_and_applied_only_when_confirmed()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var response = await UploadAsync(editor, File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu", content: "Nội dung mới."),
            Row("1.000200", "Cấp Giấy phép sản xuất rượu thủ công")));

        var preview = await Accounts.Html(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1 quy định mới, 1 cập nhật, 0 không đổi.", preview.QuerySelector("[data-testid=summary]")!.TextContent);
        Assert.Contains("Nội dung", preview.QuerySelectorAll("[data-testid=preview] tbody tr")[0].TextContent);
        Assert.Equal(1, _app.Scalar<int>("select count(*) from regulation where agency_id = (select id from agency where code = 'BCT')"));

        var apply = preview.QuerySelector("form[action^='/workspace/import/']")!.GetAttribute("action")!;
        var applied = await editor.PostFormAsync("/workspace", apply, new() { ["fileName"] = "quy-dinh.csv" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(2, _app.Scalar<int>("select version from regulation where code = '1.000106'"));
        Assert.False(_app.Scalar<bool>("select published from regulation where code = '1.000200'"));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFormAsync("/workspace", apply, new())).StatusCode);
    }

    [Fact]
    public async Task An_upload_with_another_agencys_row_or_a_bad_row_is_refused_whole_with_messages()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var response = await UploadAsync(editor, File(
            Row("1.000201", "Thủ tục mới của Bộ Công Thương"),
            Row("BYT-0001", "Sửa quy định của Bộ Y tế", agency: "BYT"),
            Row("1.000202", "Thiếu căn cứ", basis: "")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Accounts.Html(response)).QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.StartsWith("Dòng 3:") && e.Contains("cơ quan khác"));
        Assert.Contains(errors, e => e.StartsWith("Dòng 4: Cột legal_basis"));
        Assert.Equal(2, _app.Scalar<int>("select count(*) from regulation"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_app.DataDirectory, "uploads")));
    }
}
