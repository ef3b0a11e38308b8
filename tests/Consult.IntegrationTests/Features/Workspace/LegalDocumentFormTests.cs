using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Workspace;

public class LegalDocumentFormTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("BYT-0001", "Cấp giấy chứng nhận đủ điều kiện sản xuất thuốc", agency: "BYT", basis: "54/2017/NĐ-CP#Điều 3")));
        await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private long DocumentId(string number) => _app.Scalar<long>("select id from legal_document where number = @number", new { number });

    private Dictionary<string, string> Form(string number, string title, int version, string? id = null) => new()
    {
        ["Id"] = id ?? DocumentId(number).ToString(),
        ["Number"] = number,
        ["Title"] = title,
        ["Issuer"] = "Chính phủ",
        ["IssuedOn"] = "2017-09-12",
        ["Status"] = "in_force",
        ["Agency"] = "BCT",
        ["ExpectedVersion"] = version.ToString(),
    };

    [Fact]
    public async Task An_editor_updates_the_agencys_document_and_a_stale_form_is_refused()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var list = await Accounts.Html(await editor.GetAsync("/workspace/documents"));
        Assert.Equal(["105/2017/NĐ-CP"], list.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList());

        var saved = await editor.PostFormAsync("/workspace/documents", "/workspace/documents", Form("105/2017/NĐ-CP", "Nghị định về kinh doanh rượu", version: 1));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Nghị định về kinh doanh rượu", _app.Scalar<string>("select title from legal_document where number = '105/2017/NĐ-CP'"));
        Assert.Equal(("update", "canbo.bct@example.vn", 1, 2, "Nghị định về kinh doanh rượu"), (await _app.QueryAuditAsync("105/2017/NĐ-CP"))[^1]);

        var stale = await editor.PostFormAsync("/workspace/documents", "/workspace/documents", Form("105/2017/NĐ-CP", "Bản cũ", version: 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Nghị định về kinh doanh rượu", _app.Scalar<string>("select title from legal_document where number = '105/2017/NĐ-CP'"));
    }

    [Fact]
    public async Task Another_agencys_document_cannot_be_opened_or_changed()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var id = DocumentId("54/2017/NĐ-CP");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/workspace/documents/{id}/edit")).StatusCode);

        var crafted = await editor.PostFormAsync("/workspace/documents", "/workspace/documents", Form("54/2017/NĐ-CP", "Sửa trộm", version: 1));
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
        Assert.Equal("", _app.Scalar<string>("select title from legal_document where id = @id", new { id }));
    }

    [Fact]
    public async Task Bad_input_returns_the_form_with_the_values_and_messages()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var form = Form("54/2017/NĐ-CP", "Trùng số hiệu", version: 0, id: "");
        form["IssuedOn"] = "31/09/2017";
        var response = await editor.PostFormAsync("/workspace/documents/new", "/workspace/documents", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Accounts.Html(response);
        Assert.Contains("Văn bản số 54/2017/NĐ-CP đã có trên cổng.", page.Errors());
        Assert.Contains(page.Errors(), e => e.Contains("31/09/2017"));
        Assert.Equal("Trùng số hiệu", page.QuerySelector("textarea[name=Title]")!.TextContent.Trim());
        Assert.Equal(2, _app.Scalar<int>("select count(*) from legal_document"));
    }
}
