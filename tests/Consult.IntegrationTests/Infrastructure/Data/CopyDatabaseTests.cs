using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>`copy-database` moves an embedded portal, demo and all, to PostgreSQL, and the portal carries on there.</summary>
[Trait("Category", "Postgres")]
[LongRunning]
public sealed class CopyDatabaseTests : IDisposable
{
    private readonly ConsultApp _embedded = ConsultApp.Embedded(seedDemo: true);
    private readonly string _target = TestStorage.CreateDatabase(migrated: false);

    public void Dispose()
    {
        TestStorage.DropDatabase(_target);
        Folders.Delete(_embedded.DataDirectory);
    }

    private async Task<(int ExitCode, string Output)> CopyAsync()
    {
        var output = new StringWriter();
        var exitCode = await DatabaseCopy.RunAsync(
            ["copy-database", "--from", $"sqlite:{_embedded.Storage.DatabasePath}", "--to", $"postgres:{_target}"], output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task The_copy_matches_table_by_table_and_the_portal_on_PostgreSQL_serves_the_same_registry_and_accounts()
    {
        var total = (await _embedded.SearchAsync(null)).Total;
        var found = (await _embedded.SearchAsync("giay phep ruou")).Codes;
        var page = await _embedded.GetPageAsync("/plans");
        _embedded.Stop();

        var (exitCode, output) = await CopyAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains("regulation: ", output);
        Assert.DoesNotContain("KHÔNG KHỚP", output);
        Assert.Contains("số dòng và tổng kiểm đều khớp", output);

        using var node = ConsultApp.Node(_target);
        Assert.Equal(total, (await node.SearchAsync(null)).Total);
        Assert.Equal(found, (await node.SearchAsync("giay phep ruou")).Codes);
        Assert.Equal(page.QuerySelector("main")!.TextContent, (await node.GetPageAsync("/plans")).QuerySelector("main")!.TextContent);
        // Accounts keep their passwords, and new records take ids after the copied ones.
        await node.SignInAsync("lanhdao.bct@consult.demo", DemoAccounts.Password);
        Assert.True((await node.ImportAsync(Rows.File(Rows.Row("9.000001", "Thủ tục thêm sau khi chuyển sang PostgreSQL")))).Succeeded);

        // A database that already holds a portal is never written over.
        (exitCode, output) = await CopyAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("đã có dữ liệu", output);
    }
}
