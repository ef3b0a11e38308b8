using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>Finding 8: a first start killed while loading the demo leaves nothing half-seeded.</summary>
/// <remarks>About the embedded SQLite file itself; the suite on PostgreSQL leaves it out.</remarks>
[Trait("Category", "Sqlite")]
[LongRunning]
public class SeedTests
{
    public enum KillPoint
    {
        DatabaseCreated,
        SeedRunning,
        SeedCommitted,
    }

    [Theory]
    [InlineData(KillPoint.DatabaseCreated)]
    [InlineData(KillPoint.SeedRunning)]
    [InlineData(KillPoint.SeedCommitted)]
    public async Task A_first_start_killed_at_any_moment_is_empty_or_whole_and_whole_after_the_next_start(KillPoint point)
    {
        using var folder = new TemporaryDataFolder();
        var data = folder.Path;
        var storage = new StorageOptions { DataDirectory = data, BusyTimeoutSeconds = 1 };
        using (var portal = PortalProcess.Launch(data, ("Demo__Seed", "true")))
        {
            await Eventually.HoldsAsync(() => Reached(point, storage), $"the first start reaches {point}");
            portal.Kill();
        }
        if (File.Exists(storage.DatabasePath))
        {
            using var connection = SqliteStorage.Open(new SqliteStorage(storage).ConnectionString);
            // Killed before the schema was complete, nothing can have been seeded: each script commits on its own.
            if (connection.ExecuteScalar<long>("select count(*) from sqlite_master where name in ('regulation', 'app_user', 'plan', 'consultation')") == 4)
            {
                var parts = Parts(connection);
                Assert.True(parts.All(p => p == 0) || parts.All(p => p > 0), $"half-seeded: {string.Join(", ", parts)}");
            }
        }

        using (await PortalProcess.StartAsync(data, ("Demo__Seed", "true")))
        {
            using var connection = SqliteStorage.Open(new SqliteStorage(storage).ConnectionString);
            Assert.All(Parts(connection), count => Assert.True(count > 0));
        }
    }

    /// <summary>Whether the starting portal is at the point: told from the database alone, without timing.</summary>
    private static bool Reached(KillPoint point, StorageOptions storage)
    {
        if (!File.Exists(storage.DatabasePath))
        {
            return false;
        }
        if (point == KillPoint.DatabaseCreated)
        {
            return true;
        }
        try
        {
            using var connection = SqliteStorage.Open(new SqliteStorage(storage).ConnectionString);
            if (connection.ExecuteScalar<long>("select count(*) from sqlite_master where name in ('regulation', 'app_user', 'plan', 'consultation')") < 4)
            {
                return false;
            }
            if (point == KillPoint.SeedCommitted)
            {
                return connection.ExecuteScalar<long>("select count(*) from regulation") > 0;
            }
            // The schema is complete and nothing is seeded yet; a writer holding the lock now is the seed.
            if (connection.ExecuteScalar<long>("select count(*) from regulation") > 0)
            {
                Assert.Fail("the seed committed before it was seen running");
            }
            // Asked of SQLite itself, which answers at once; the provider's own retries would wait for the seed to end.
            connection.Execute("pragma busy_timeout = 0");
            if (SQLitePCL.raw.sqlite3_exec(connection.Handle, "begin immediate") == SQLitePCL.raw.SQLITE_BUSY)
            {
                return true;
            }
            SQLitePCL.raw.sqlite3_exec(connection.Handle, "rollback");
            return false;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            // The schema itself is being written.
            return false;
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
