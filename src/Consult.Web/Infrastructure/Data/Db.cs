using Dapper;
using System.Data.Common;
using Consult.Web.Infrastructure.Registry;

namespace Consult.Web.Infrastructure.Data;

/// <summary>One connection per scope (request or command), opened on first use, and its current transaction.</summary>
public sealed class Db(StorageProvider storage) : IDisposable
{
    /// <summary>How many times a command's transaction runs before the failure is passed on (a 503 "try again").</summary>
    public const int Attempts = 5;

    private DbConnection? _connection;
    private bool _registryChanged;

    public StorageProvider Storage => storage;

    /// <summary>Provider-neutral, so features never depend on the database engine.</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>The scope's connection, opened on first use (<see cref="OpenAsync"/> opens it without blocking).</summary>
    public DbConnection Connection => _connection ??= storage.Open();

    /// <summary>Opens the scope's connection ahead of its first statement; every mediator request does (ConnectionBehavior).</summary>
    public async Task OpenAsync(CancellationToken cancellationToken) => _connection ??= await storage.OpenAsync(cancellationToken);

    /// <summary>A statement in the current transaction that stops when the request is cancelled.</summary>
    public CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    /// <summary>
    /// Rows stamped <see cref="ChangeSequence.Pending"/> in this transaction take the next change sequence when it
    /// commits, so search and the caches see them.
    /// </summary>
    public void RegistryChanged() => _registryChanged = Transaction is not null
        ? true
        : throw new InvalidOperationException("The registry is only changed inside a transaction.");

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction (or in the one already open). When another writer got there
    /// first or the connection dropped (PostgreSQL), the whole work runs again from a fresh start, a few times, before
    /// the failure is passed on.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work)
    {
        if (Transaction is not null)
        {
            return await work();
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(work);
            }
            catch (Exception e) when (attempt < Attempts && storage.IsRetryable(e))
            {
                if (_connection is { State: not System.Data.ConnectionState.Open })
                {
                    // A connection the server dropped (a restart): the next attempt opens a new one.
                    _connection.Dispose();
                    _connection = null;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt));
            }
        }
    }

    private async Task<T> AttemptAsync<T>(Func<Task<T>> work)
    {
        T result;
        await using (var transaction = await Connection.BeginTransactionAsync(storage.WriteIsolation))
        {
            Transaction = transaction;
            _registryChanged = false;
            try
            {
                result = await work();
                if (_registryChanged && !storage.StampsAfterCommit)
                {
                    await ChangeSequence.StampAsync(storage, Connection, transaction);
                }
                await transaction.CommitAsync();
            }
            catch
            {
                if (Connection.State == System.Data.ConnectionState.Open)
                {
                    await transaction.RollbackAsync();
                }
                throw;
            }
            finally
            {
                Transaction = null;
            }
        }
        if (_registryChanged && storage.StampsAfterCommit)
        {
            try
            {
                await ChangeSequence.StampCommittedAsync(storage, Connection);
            }
            catch (DbException)
            {
                // The command has committed: its rows wait for the indexers' sweep (ChangeSequence.SweepAsync) instead.
            }
        }
        return result;
    }

    public void Dispose() => _connection?.Dispose();
}
