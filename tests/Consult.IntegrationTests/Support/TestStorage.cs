using Consult.Web.Infrastructure.Data;
using Dapper;
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

    /// <summary>
    /// Puts the template's rows back into a running portal's database, all at once for the portal's own connections,
    /// and raises its generation as the <c>reindex</c> command does, so that the portal drops what it derived from the
    /// rows it held before (<see cref="Consult.Web.Infrastructure.Registry.RegistryVersion"/>).
    /// </summary>
    public static void RestoreTemplate(string dataDirectory, string? postgresDatabase)
    {
        // Far apart, so that no portal's generation raised by a test's own reindex meets the next one handed out.
        var generation = Interlocked.Increment(ref _restores) << 20;
        if (postgresDatabase is not null)
        {
            RestorePostgresTemplate(postgresDatabase, generation);
            return;
        }
        using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={new StorageOptions { DataDirectory = dataDirectory }.DatabasePath};Pooling=False");
        target.Open();
        using (var template = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqliteTemplate.Value};Mode=ReadOnly;Pooling=False"))
        {
            template.Open();
            // Page by page, in one write transaction: the audit trail's rows cannot be deleted one by one (a trigger
            // forbids it). Waits out the portal's indexer if it is writing just then.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    template.BackupDatabase(target);
                    break;
                }
                catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 100)
                {
                    Thread.Sleep(20);
                }
            }
        }
        using var raise = target.CreateCommand();
        raise.CommandText = $"update registry_state set index_generation = {generation}";
        raise.ExecuteNonQuery();
    }

    private static long _restores;

    private static void RestorePostgresTemplate(string connectionString, long generation)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                RestorePostgresTemplate(connection, generation);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 10)
            {
                // The portal's indexer held a table the emptying had yet to lock while waiting for one it had locked.
            }
        }
    }

    private static void RestorePostgresTemplate(NpgsqlConnection connection, long generation)
    {
        var (tables, rows) = PostgresTemplateRows.Value;
        using var transaction = connection.BeginTransaction();
        using (var empty = new NpgsqlCommand($"set local session_replication_role = replica; truncate {string.Join(", ", tables)} restart identity", connection, transaction))
        {
            // Replica role: no trigger (the audit trail's) and no foreign-key check while the rows come back.
            empty.ExecuteNonQuery();
        }
        foreach (var (table, copy) in rows)
        {
            using var writer = connection.BeginRawBinaryCopy($"copy {table} from stdin (format binary)");
            writer.Write(copy);
        }
        PostgresStorage.ContinueIdsAfterCopyAsync(connection, tables, transaction).GetAwaiter().GetResult();
        using (var raise = new NpgsqlCommand($"update registry_state set index_generation = {generation}", connection, transaction))
        {
            raise.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Every table of the template, and the rows of those that hold any (in PostgreSQL's binary copy format).</summary>
    private static readonly Lazy<(IReadOnlyList<string> Tables, IReadOnlyList<(string Table, byte[] Copy)> Rows)> PostgresTemplateRows = new(() =>
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database(Template.Value)) { Pooling = false }.ConnectionString);
        connection.Open();
        var tables = connection.Query<string>(
            "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name").ToList();
        var rows = new List<(string, byte[])>();
        foreach (var table in tables.Where(t => connection.ExecuteScalar<bool>($"select exists (select 1 from {t})")))
        {
            using var reader = connection.BeginRawBinaryCopy($"copy {table} to stdout (format binary)");
            using var copy = new MemoryStream();
            reader.CopyTo(copy);
            rows.Add((table, copy.ToArray()));
        }
        return (tables, rows);
    });

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
