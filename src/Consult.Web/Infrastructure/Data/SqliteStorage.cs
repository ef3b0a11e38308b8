using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Data;

/// <summary>The embedded default: one file in the data folder, one writer at a time.</summary>
public sealed class SqliteStorage(StorageOptions options) : StorageProvider
{
    public override string Name => "sqlite";

    public override string ScriptFolder => "db/sqlite/";

    public override string Location => options.DatabasePath;

    public string ConnectionString =>
        $"Data Source={options.DatabasePath};Foreign Keys=True;Pooling=True;Default Timeout={options.BusyTimeoutSeconds}";

    public override DbConnection Open() => Open(ConnectionString);

    // An embedded file opens at once: there is no server to wait for.
    public override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Task.FromResult(Open());

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // WAL is set once on the file by the migrator; these are per connection.
        // A busy database is waited for as long as the connection string's Default Timeout (Storage:BusyTimeoutSeconds).
        pragmas.CommandText = $"pragma synchronous = normal; pragma cache_size = -32768; pragma busy_timeout = {connection.DefaultTimeout * 1000};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    // SQLite has one writer at a time: every transaction is serializable anyway.
    public override IsolationLevel WriteIsolation => IsolationLevel.Serializable;

    public override string In(string listParameter) => $"in {listParameter}";

    public override string NextChangeSeqSql => "update registry_state set change_seq = change_seq + 1 returning change_seq";

    // One writer at a time: stamping inside the command's transaction holds up no one.
    public override bool StampsAfterCommit => false;

    // Deferred: a reader takes no lock until it reads, and then only a shared one (WAL).
    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override async Task<IAsyncDisposable> PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("pragma journal_mode = wal", cancellationToken: cancellationToken));
        // The file's own write lock keeps two processes from applying the same script.
        return connection;
    }

    // A writer waits for another in SQLite itself (busy_timeout); there is nothing to retry.
    public override bool IsRetryable(Exception exception) => false;

    public override bool IsUnavailable(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    public override bool IsUnreachable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SqliteException { SqliteErrorCode: 14 or 8 or 13 };

    public override void Dispose()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
