using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Dapper;
using Microsoft.Extensions.Logging;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>Finding 12: a save that meets a database held by another writer answers 503 and asks to retry, never 500.</summary>
/// <remarks>About the embedded SQLite file itself; the suite on PostgreSQL leaves it out.</remarks>
[Trait("Category", "Sqlite")]
public class BusyDatabaseTests
{
    [Fact]
    public async Task A_save_during_a_long_write_elsewhere_answers_503_with_a_retry_message_and_changes_nothing()
    {
        using var app = new ConsultApp { Settings = { ["Storage:BusyTimeoutSeconds"] = "1" } };
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
        var editor = await app.SignInAsync("canbo.bct@example.vn");
        var form = new Dictionary<string, string>
        {
            ["Code"] = "1.000106", ["Kind"] = "TTHC", ["Title"] = "Tên mới", ["Agency"] = "BCT", ["Sectors"] = "Thương mại",
            ["LegalBasis[0].Number"] = "105/2017/NĐ-CP", ["LegalBasis[0].Article"] = "Điều 11", ["Status"] = "in_force", ["EffectiveDate"] = "2020-01-01",
            ["Content"] = "Nội dung.", ["ExpectedVersion"] = "1",
        };
        await editor.GetAsync("/workspace/regulations/1.000106/edit");

        HttpResponseMessage response;
        using (var importer = Database.Open(app))
        using (var longImport = importer.BeginTransaction())
        {
            importer.Execute("update registry_state set change_seq = change_seq", transaction: longImport);
            response = await editor.PostFormAsync("/workspace/regulations/1.000106/edit", "/workspace/regulations", form);
            longImport.Rollback();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Contains("thử lại", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Scalar<int>("select version from regulation where code = '1.000106'"));
        Assert.Contains(app.Logs.Entries, e => e.Level >= LogLevel.Error && e.Exception is Microsoft.Data.Sqlite.SqliteException);
    }
}
