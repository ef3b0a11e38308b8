using Consult.Web.Infrastructure.Data;
using Npgsql;

namespace Consult.IntegrationTests.Support;

/// <summary>
/// The engine the integration tests run on: SQLite, or PostgreSQL when CONSULT_TEST_PROVIDER is "postgres" (tests/run.sh
/// runs the suite once on each, the second time on a throwaway server it names in CONSULT_TEST_POSTGRES).
/// Each portal gets its own database copied from one template, migrated and holding the reference lists, instead of
/// migrating and loading again: a file on SQLite, a database made with <c>create database … template</c> on PostgreSQL.
/// </summary>
public static class TestStorage
{
    public static bool OnPostgres => Environment.GetEnvironmentVariable("CONSULT_TEST_PROVIDER") == "postgres";

    /// <summary>The test server's connection string (to its maintenance database).</summary>
    public static string PostgresServer => Environment.GetEnvironmentVariable("CONSULT_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("These tests need PostgreSQL: run them with bash tests/run.sh, which starts one and sets CONSULT_TEST_POSTGRES.");

    // Unpooled: a connection kept from before a server restart (the outage test) would be dead.
    private static string Maintenance => new NpgsqlConnectionStringBuilder(PostgresServer) { Pooling = false }.ConnectionString;

    private static readonly Lazy<string> Template = new(CreateTemplate);

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate);

    /// <summary>Puts a migrated SQLite database into a new data folder.</summary>
    public static void CopySqliteTemplate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        File.Copy(SqliteTemplate.Value, new StorageOptions { DataDirectory = dataDirectory }.DatabasePath);
    }

    private static string CreateSqliteTemplate()
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "consult-tests", $"template-{Environment.ProcessId}") };
        if (Directory.Exists(options.DataDirectory))
        {
            Directory.Delete(options.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(options.DataDirectory);
        using (var storage = StorageProvider.For(options))
        {
            Prepare(storage);
            using var connection = storage.Open();
            using var checkpoint = connection.CreateCommand();
            // Everything into the one file, so a copy of it is the whole database.
            checkpoint.CommandText = "pragma wal_checkpoint(truncate)";
            checkpoint.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return options.DatabasePath;
    }

    /// <summary>A new database on the test server, migrated with the reference lists (or empty when told so); returns its connection string.</summary>
    public static string CreateDatabase(bool migrated = true)
    {
        var name = "consult_" + Guid.NewGuid().ToString("N");
        using (var server = new NpgsqlConnection(Maintenance))
        {
            server.Open();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // A file copy of the small template takes half the time of PostgreSQL 15's default (copying through the WAL).
                    using var create = new NpgsqlCommand(migrated ? $"create database {name} template {Template.Value} strategy file_copy" : $"create database {name}", server);
                    create.ExecuteNonQuery();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    // Another test is copying the template at this moment.
                    Thread.Sleep(50 * attempt);
                }
            }
        }
        return Database(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing the connections still open on it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var server = new NpgsqlConnection(Maintenance);
        server.Open();
        using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", server);
        drop.ExecuteNonQuery();
    }

    private static string Database(string name) => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;

    private static string CreateTemplate()
    {
        var name = $"consult_template_{Environment.ProcessId}";
        using (var server = new NpgsqlConnection(Maintenance))
        {
            server.Open();
            using var drop = new NpgsqlCommand($"drop database if exists {name}", server);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"create database {name}", server);
            create.ExecuteNonQuery();
        }
        var options = new StorageOptions { Provider = "postgres", ConnectionString = Database(name) };
        using var storage = StorageProvider.For(options);
        Prepare(storage);
        return name;
    }

    /// <summary>
    /// Migrates the template and loads the reference lists into it, so that a portal started on a copy finds them
    /// loaded. Once per test run, inside a Lazy: blocking here holds up only the tests waiting for the template.
    /// </summary>
    private static void Prepare(StorageProvider storage)
    {
        DapperSetup.Configure();
        SchemaMigrator.MigrateAsync(storage, TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult();
        using var db = new Db(storage);
        ReferenceFiles.LoadChangedAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }
}
