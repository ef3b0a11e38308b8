using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Import;

/// <summary>
/// Finding 12: an import is one transaction and holds SQLite's write lock to its end, so a file is refused, whole
/// and before anything is written, when it has more rows than can be written while a save waits.
/// </summary>
public class ImportSizeTests(ImportSizeTests.SmallImportsPortal portal) : IClassFixture<ImportSizeTests.SmallImportsPortal>, IAsyncLifetime
{
    public sealed class SmallImportsPortal : SharedPortal
    {
        public SmallImportsPortal() => Settings["Import:MaxRows"] = "3";
    }

    private readonly ConsultApp _app = portal.Fresh();

    private static string Rows(int count) =>
        File([.. Enumerable.Range(1, count).Select(i => Row($"1.00{i:D4}", $"Cấp Giấy phép bán buôn rượu loại {i}"))]);

    public async Task InitializeAsync() => await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_a_message_asking_to_split_it_and_nothing_is_written()
    {
        var report = await _app.ImportAsync(Rows(4));

        Assert.False(report.Succeeded);
        Assert.Contains("Tệp có 4 dòng dữ liệu; mỗi lần nhập tối đa 3 dòng", Assert.Single(report.Errors));
        Assert.Contains("chia tệp", report.Errors[0]);
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation"));
        Assert.Equal(0, _app.Scalar<int>("select change_seq from registry_state"));

        Assert.True((await _app.ImportAsync(Rows(3))).Succeeded);
        Assert.Equal(3, _app.Scalar<int>("select count(*) from regulation"));
    }

    [Fact]
    public async Task A_workspace_upload_over_the_limit_is_refused_at_the_preview()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var page = await Accounts.Html(await editor.GetAsync("/workspace/import"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Rows(4))), "File", "quy-dinh.csv" },
        };

        var response = await editor.PostAsync("/workspace/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var preview = await Accounts.Html(response);
        Assert.Contains("mỗi lần nhập tối đa 3 dòng", preview.Body!.TextContent);
        Assert.Null(preview.QuerySelector("form[action^='/workspace/import/']"));
    }
}
