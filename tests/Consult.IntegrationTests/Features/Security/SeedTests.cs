using Consult.IntegrationTests.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.IntegrationTests.Features.Security;

/// <summary>Finding 8: a first start killed while loading the demo leaves nothing half-seeded.</summary>
public class SeedTests
{
    [Theory]
    [InlineData(700)]
    [InlineData(1_400)]
    [InlineData(2_100)]
    [InlineData(2_800)]
    public async Task A_first_start_killed_at_any_moment_is_empty_or_whole_and_whole_after_the_next_start(int killAfterMs)
    {
        using var folder = new TemporaryDataFolder();
        var data = folder.Path;
        var storage = new StorageOptions { DataDirectory = data };
        using (var portal = PortalProcess.Launch(data, ("Demo__Seed", "true")))
        {
            await Task.Delay(killAfterMs);
            portal.Kill();
        }
        if (File.Exists(storage.DatabasePath))
        {
            using var connection = Db.Open(storage.ConnectionString);
            // Killed before the schema was complete, nothing can have been seeded: each script commits on its own.
            if (connection.ExecuteScalar<long>("select count(*) from sqlite_master where name in ('regulation', 'app_user', 'plan', 'consultation')") == 4)
            {
                var parts = Parts(connection);
                Assert.True(parts.All(p => p == 0) || parts.All(p => p > 0), $"half-seeded: {string.Join(", ", parts)}");
            }
        }

        using (await PortalProcess.StartAsync(data, ("Demo__Seed", "true")))
        {
            using var connection = Db.Open(storage.ConnectionString);
            Assert.All(Parts(connection), count => Assert.True(count > 0));
        }
    }

    private static long[] Parts(Microsoft.Data.Sqlite.SqliteConnection connection) =>
    [
        connection.ExecuteScalar<long>("select count(*) from regulation"),
        connection.ExecuteScalar<long>("select count(*) from app_user where email like '%@consult.demo'"),
        connection.ExecuteScalar<long>("select count(*) from plan"),
        connection.ExecuteScalar<long>("select count(*) from consultation"),
    ];
}
