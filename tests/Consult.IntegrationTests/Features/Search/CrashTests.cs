using System.Text.Json;
using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Consult.IntegrationTests.Features.Search;

/// <summary>About the embedded SQLite file itself; the suite on PostgreSQL leaves it out.</summary>
[Trait("Category", "Sqlite")]
[LongRunning]
public class CrashTests
{
    private const int Rows = 20_000;

    [Fact]
    public async Task Killing_the_portal_while_it_indexes_leaves_search_consistent_with_the_database_after_a_restart()
    {
        using var folder = new TemporaryDataFolder();
        var data = folder.Path;
        long seq;
        // Nothing is made durable after the start, so the kill finds the new entries searchable but not committed.
        using (var portal = await PortalProcess.StartAsync(data, ("Search__CommitEvery", "01:00:00")))
        {
            using var connection = new SqliteStorage(new StorageOptions { DataDirectory = data }).Open();
            // The database is the record: many regulations arrive in one commit, as a long import's would.
            using var transaction = connection.BeginTransaction();
            seq = connection.ExecuteScalar<long>("update registry_state set change_seq = change_seq + 1 returning change_seq", transaction: transaction);
            connection.Execute(
                $"""
                insert into regulation (code, code_key, kind, title, content, agency_id, status, published, effective_on, created_at, updated_at, change_seq)
                with recursive n(i) as (select 1 union all select i + 1 from n where i < {Rows})
                select 'YCDK-BCT-' || i, 'YCDK-BCT-' || i, 'YCDK', 'Điều kiện kinh doanh xăng dầu số ' || i, 'Cửa hàng bán lẻ xăng dầu phải có giấy chứng nhận.',
                    (select id from agency where code = 'BCT'), 'in_force', 1, '2020-01-01', '2026-01-01', '2026-01-01',
                    (select change_seq from registry_state)
                from n;
                """, transaction: transaction);
            transaction.Commit();
            using var client = portal.Client();
            await Eventually.HoldsAsync(async () => (await client.GetStringAsync("/api/v1/regulations?q=xang+dau&pageSize=1")).Contains("YCDK-BCT-"),
                "the first rows are searchable");
            portal.Kill();
        }
        Assert.True(CommittedSeq(Path.Combine(data, "index")) < seq, "the index had already committed everything: nothing was interrupted");

        using (var restarted = await PortalProcess.StartAsync(data))
        {
            using var client = restarted.Client();
            var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/regulations?q=xang+dau&pageSize=1")).RootElement;
            Assert.Equal(Rows, json.GetProperty("total").GetInt32());
        }
    }

    private static long CommittedSeq(string indexPath)
    {
        using var directory = FSDirectory.Open(indexPath);
        if (!DirectoryReader.IndexExists(directory))
        {
            return -1;
        }
        using var reader = DirectoryReader.Open(directory);
        return reader.IndexCommit.UserData.TryGetValue("change_seq", out var value) ? long.Parse(value) : -1;
    }
}
