using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Cli;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Data;

public class SchemaAndIndexTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Every_script_is_applied_once_and_recorded_and_a_second_start_changes_nothing()
    {
        var app = portal.Fresh();
        var storage = app.Services.GetRequiredService<StorageProvider>();
        Assert.Equal(SchemaMigrator.Scripts(storage), app.Query<string>("select script from schema_version order by script"));
        Assert.Empty(await SchemaMigrator.MigrateAsync(storage, TimeProvider.System, CancellationToken.None));
        Assert.Equal(SchemaMigrator.Scripts(storage).Count, app.Scalar<int>("select count(*) from schema_version"));
    }

    [Fact]
    [Trait("Category", "Sqlite")]
    public void The_embedded_database_is_written_ahead_so_readers_never_wait_for_a_writer()
    {
        var app = portal.Fresh();
        Assert.Equal("wal", app.Scalar<string>("pragma journal_mode"));
    }

    [Fact]
    public void Foreign_keys_are_enforced()
    {
        var app = portal.Fresh();
        using var connection = Database.Open(app);
        var error = Assert.ThrowsAny<System.Data.Common.DbException>(() => connection.Execute(
            "insert into regulation (code, code_key, kind, title, agency_id, status, created_at, updated_at, change_seq) values ('x', 'X', 'TTHC', 't', 9999, 'in_force', '', '', 0)"));
        Assert.Contains("foreign key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_agencies_of_the_reference_list_are_seeded_even_without_demo_data()
    {
        var app = portal.Fresh();
        Assert.Equal(28, app.Scalar<int>("select count(*) from agency"));
        Assert.Equal("bo|2025-02-28|BXD", app.Scalar<string>(
            "select a.kind || '|' || a.valid_to || '|' || s.code from agency a join agency s on s.id = a.successor_id where a.code = 'BGTVT'"));
        Assert.Equal("Bộ Công Thương", app.Scalar<string>("select name from agency where code = 'BCT'"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from regulation"));
    }

    [Fact]
    public async Task Reindex_rebuilds_the_index_from_the_registry()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("1.000107", "Cấp Giấy phép bán lẻ rượu")));
        var before = await app.SearchAsync("ruou");
        var generation = app.Scalar<long>("select index_generation from registry_state");

        var output = new StringWriter();
        Assert.Equal(0, await Commands.RunAsync(app.Services, ["reindex"], output));
        Assert.Contains("Đã lập lại chỉ mục tìm kiếm", output.ToString());
        Assert.Equal(generation + 1, app.Scalar<long>("select index_generation from registry_state"));
        Assert.Equal(before.Codes, (await app.SearchAsync("ruou")).Codes);
    }

    [Fact]
    public async Task After_a_change_made_in_the_database_by_hand_reindex_makes_the_portal_count_again()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("1.000107", "Cấp Giấy phép bán lẻ rượu")));
        Assert.Equal("2", await GovernmentTotalAsync());

        // An operator unpublishes a regulation with SQL, bypassing the portal and its change sequence.
        app.Scalar<int>("update regulation set published = false where code = '1.000107'");
        Assert.Equal("2", await GovernmentTotalAsync());

        Assert.Equal(0, await Commands.RunAsync(app.Services, ["reindex"], new StringWriter()));
        Assert.Equal("1", await GovernmentTotalAsync());

        async Task<string> GovernmentTotalAsync() =>
            (await app.GetPageAsync("/")).QuerySelector("[data-testid=government-total]")!.TextContent.Trim();
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public async Task A_missing_or_corrupt_index_is_rebuilt_from_the_database_at_start(string damage)
    {
        var app = new ConsultApp();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var indexPath = app.Services.GetRequiredService<SearchIndex>().Path;
        app.Stop();
        if (damage == "missing")
        {
            Folders.Delete(indexPath);
        }
        else
        {
            foreach (var file in Directory.GetFiles(indexPath).Where(f => !f.EndsWith("write.lock")))
            {
                System.IO.File.WriteAllBytes(file, [1, 2, 3]);
            }
        }
        using var restarted = ConsultApp.Over(app);
        Assert.Equal(["1.000106"], (await restarted.SearchAsync("giay phep ban buon ruou")).Codes);
    }
}
