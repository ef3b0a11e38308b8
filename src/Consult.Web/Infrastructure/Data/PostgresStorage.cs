using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace Consult.Web.Infrastructure.Data;

/// <summary>The server store for several nodes (Storage:ConnectionString, an Npgsql connection string).</summary>
public sealed class PostgresStorage : StorageProvider
{
    // Any constant of the portal's own, so nodes starting together migrate one after the other.
    private const long MigrationLock = 0x436F6E73756C74;

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnectionStringBuilder _settings;

    public PostgresStorage(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                "Storage:Provider là \"postgres\" nhưng chưa có Storage:ConnectionString (ví dụ \"Host=db1;Database=consult;Username=consult;Password=…\").");
        }
        _settings = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (_settings.MaxAutoPrepare == 0)
        {
            // The same few hundred statements run over and over: prepared once per connection, they skip parsing and
            // planning each time. An operator's own setting in the connection string wins.
            _settings.MaxAutoPrepare = 256;
            _settings.AutoPrepareMinUsages = 2;
        }
        _source = NpgsqlDataSource.Create(_settings);
    }

    public override string Name => "postgres";

    public override string ScriptFolder => "db/postgres/";

    public override string Location => $"PostgreSQL {_settings.Host}:{_settings.Port}/{_settings.Database}";

    public override DbConnection Open() => _source.OpenConnection();

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _source.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// Read committed: a long import and a single save run side by side. Rows carry versions for stale forms, unique
    /// keys catch two writers creating the same record (retried, so the second sees the first), and the change
    /// sequence is taken last, under its row lock, so sequences commit in order.
    /// </summary>
    public override IsolationLevel WriteIsolation => IsolationLevel.ReadCommitted;

    public override string In(string listParameter) => $"= any({listParameter})";

    // A sequence never hands out a number twice, even after a crash lost the stamp that used it: nodes that indexed the
    // lost number still see the rows again under a higher one.
    public override string NextChangeSeqSql => "update registry_state set change_seq = nextval('registry_change_seq') returning change_seq";

    public override bool StampsAfterCommit => true;

    /// <summary>
    /// The stamp does not wait for its commit to reach the disk: its row lock is released at once. The rows it stamps
    /// were made durable by their own command; a stamp lost in a crash is made again by the next sweep.
    /// </summary>
    public override async Task<DbTransaction> BeginStampAsync(DbConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await connection.ExecuteAsync("set local synchronous_commit = off", transaction: transaction);
        return transaction;
    }

    public override DbTransaction BeginSnapshot(DbConnection connection)
    {
        var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        connection.Execute("set transaction read only", transaction: transaction);
        return transaction;
    }

    public override async Task<IAsyncDisposable> PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@MigrationLock)", new { MigrationLock }, cancellationToken: cancellationToken));
        return new Unlock(connection);
    }

    private sealed class Unlock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await connection.ExecuteAsync("select pg_advisory_unlock(@MigrationLock)", new { MigrationLock });
    }

    public override bool IsRetryable(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } || IsUnavailable(exception);

    // Transient by Npgsql's reckoning (refused connections, serialization failures and deadlocks after the retries), or the
    // server stopping and starting (class 57P: administrator shutdown, crash shutdown, not yet accepting connections).
    public override bool IsUnavailable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true }
        || exception is PostgresException postgres && postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);

    // The server does not answer, or refuses the account or the database the connection string names.
    public override bool IsUnreachable(Exception exception) =>
        IsUnavailable(exception)
        || exception is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InvalidCatalogName };

    public override void Dispose() => _source.Dispose();

    /// <summary>After rows were copied in with their own ids, the next generated id comes after them.</summary>
    public static async Task ContinueIdsAfterCopyAsync(DbConnection connection, IEnumerable<string> tables, DbTransaction transaction)
    {
        var generated = (await connection.QueryAsync<string>(
            "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'id' and is_identity = 'YES'",
            transaction: transaction)).ToHashSet();
        foreach (var table in tables.Where(generated.Contains))
        {
            await connection.ExecuteAsync($"select setval(pg_get_serial_sequence('{table}', 'id'), coalesce((select max(id) from {table}), 0) + 1, false)", transaction: transaction);
        }
    }
}
