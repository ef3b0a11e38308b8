using System.Net;
using System.Text;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Infrastructure;
using Consult.Web.Features.Import;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Consult.IntegrationTests.Infrastructure.Rows;

namespace Consult.IntegrationTests.Features.Import;

/// <summary>
/// On PostgreSQL a ministry's long import and other editors' saves run side by side: the saves do not wait for the
/// import, even when both cite the same decree. (SQLite has one writer: there a save waits, then is told to retry.)
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ImportAlongsideSavesTests : IDisposable
{
    private readonly ConsultApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Regulation(string code) => new()
    {
        ["Code"] = code,
        ["Kind"] = "TTHC",
        ["Title"] = $"Thủ tục lưu trong lúc nhập {code}",
        ["Agency"] = "BYT",
        ["Sectors"] = "Y tế",
        ["LegalBasis[0].Number"] = "105/2017/NĐ-CP",
        ["Status"] = "in_force",
        ["EffectiveDate"] = "2020-01-01",
        ["Content"] = "Nội dung quy định.",
        ["ExpectedVersion"] = "0",
    };

    [Fact]
    public async Task Saves_made_while_a_long_import_runs_succeed_before_it_ends()
    {
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
        var editor = await _app.SignInAsync("canbo.byt@example.vn");
        var file = File(Enumerable.Range(0, 5_000).Select(i => Row($"8.{i:D6}", $"Thủ tục nhập lớn số {i}")).ToArray());

        var import = Task.Run(async () =>
        {
            using var scope = _app.Services.CreateScope();
            return await ImportRegulations.FromCsvAsync(scope.ServiceProvider.GetRequiredService<IMediator>(),
                scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value, new MemoryStream(Encoding.UTF8.GetBytes(file)), "test");
        });
        var saved = 0;
        var savedDuringImport = 0;
        while (!import.IsCompleted)
        {
            var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", Regulation($"BYT-N{saved:D4}"));
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
