using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Import;

/// <summary>
/// On PostgreSQL a ministry's long import and other editors' saves run side by side: the saves do not wait for the
/// import, even when both cite the same decree. (SQLite has one writer: there a save waits, then is told to retry.)
/// </summary>
[Trait("Category", "Postgres")]
[LongRunning]
public sealed class ImportAlongsideSavesTests : IDisposable
{
    private readonly ConsultApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Saves_made_while_a_long_import_runs_succeed_before_it_ends()
    {
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var file = File(Enumerable.Range(0, 5_000).Select(i => Row($"8.{i:D6}", $"Thủ tục nhập lớn số {i}")).ToArray());

        var import = Task.Run(() => _app.ImportAsync(file, catchUpSearch: false));
        var saved = 0;
        var savedDuringImport = 0;
        while (!import.IsCompleted)
        {
            var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", NewRegulationForm($"BYT-N{saved:D4}", $"Thủ tục lưu trong lúc nhập {saved}", agency: "BYT", sectors: "Y tế"));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            saved++;
            savedDuringImport += import.IsCompleted ? 0 : 1;
        }
        Assert.True((await import).Succeeded);
        Assert.True(savedDuringImport >= 3, $"only {savedDuringImport} saves completed while the import ran");
        Assert.Equal(5_000, _app.Scalar<int>("select count(*) from regulation where code like '8.%'"));
        Assert.Equal(saved, _app.Scalar<int>("select count(*) from regulation where code like 'BYT-N%'"));
    }
}
