using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Data;

/// <summary>One connection per scope (request or command), opened on first use, and its current transaction.</summary>
public sealed class Db(IOptions<StorageOptions> options) : IDisposable
{
    private SqliteConnection? _connection;

    /// <summary>Provider-neutral, so features never depend on the database engine.</summary>
    public DbTransaction? Transaction { get; private set; }

    public DbConnection Connection => _connection ??= Open(options.Value.ConnectionString);

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

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work)
    {
        if (Transaction is not null)
        {
            return await work();
        }
        Transaction = Connection.BeginTransaction(IsolationLevel.Serializable);
        try
        {
            var result = await work();
            Transaction.Commit();
            return result;
        }
        catch
        {
            Transaction.Rollback();
            throw;
        }
        finally
        {
            Transaction.Dispose();
            Transaction = null;
        }
    }

    public void Dispose() => _connection?.Dispose();
}
