using System.Data;
using System.Data.Common;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// The database engine behind <see cref="Db"/>: how to connect, which numbered scripts build its schema, and how its
/// failures read. SQL that differs between engines stays out of the features; what little does differ lives here.
/// </summary>
public abstract class StorageProvider : IDisposable
{
    public static StorageProvider For(StorageOptions options) => options.Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => new SqliteStorage(options),
        "postgres" or "postgresql" => new PostgresStorage(options),
        var other => throw new InvalidOperationException(
            $"Storage:Provider \"{other}\" không được hỗ trợ; hãy dùng \"sqlite\" (mặc định) hoặc \"postgres\"."),
    };

    /// <summary>"sqlite" or "postgres", as <c>Storage:Provider</c> spells it.</summary>
    public abstract string Name { get; }

    /// <summary>The embedded folder of this engine's numbered schema scripts.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>Where the data lives, for messages to an operator (a file path, or the server and database).</summary>
    public abstract string Location { get; }

    public abstract DbConnection Open();

    /// <summary>Opens a connection without holding a thread while the pool or the server answers.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The isolation a command's transaction runs at.</summary>
    public abstract IsolationLevel WriteIsolation { get; }

    /// <summary>
    /// "x {In("@ids")}" matches x against a list parameter: Dapper spells the list out for SQLite ("in (@ids1, @ids2)")
    /// and passes PostgreSQL one array ("= any(@ids)").
    /// </summary>
    public abstract string In(string listParameter);

    /// <summary>
    /// Takes the next change sequence (locking its row until commit) and returns it. See <see cref="Registry.ChangeSequence"/>.
    /// </summary>
    public abstract string NextChangeSeqSql { get; }

    /// <summary>
    /// Whether the change sequence is given in a short transaction of its own after the command commits, rather than
    /// inside the command's transaction. With concurrent writers (PostgreSQL) the sequence row would otherwise stay
    /// locked through each command's wait for its commit to be durable, and saves could only follow one another.
    /// </summary>
    public abstract bool StampsAfterCommit { get; }

    /// <summary>The short transaction that gives rows their sequence after their command committed.</summary>
    public virtual async Task<DbTransaction> BeginStampAsync(DbConnection connection) => await connection.BeginTransactionAsync(WriteIsolation);

    /// <summary>A read-only transaction whose statements all see the same committed state, without blocking writers.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>Makes the database reachable for the migrator and keeps other nodes from migrating at the same time.</summary>
    public abstract Task<IAsyncDisposable> PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>A failure that running the whole transaction again can cure: another writer got there first, or a dropped connection.</summary>
    public abstract bool IsRetryable(Exception exception);

    /// <summary>The database cannot be had just now: the request is answered 503 "try again", not 500.</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>The database cannot be opened at all where the settings point (start-up stops with a message).</summary>
    public abstract bool IsUnreachable(Exception exception);

    /// <summary>Closes the connections this provider pools.</summary>
    public abstract void Dispose();
}
