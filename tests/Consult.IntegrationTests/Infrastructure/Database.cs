using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consult.IntegrationTests.Infrastructure;

public static class Database
{
    /// <summary>A separate connection to the app's database file, to read rows back as they are stored.</summary>
    public static SqliteConnection Open(ConsultApp app) =>
        Db.Open(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);

    public static T Scalar<T>(this ConsultApp app, string sql, object? parameters = null)
    {
        using var connection = Open(app);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }
}
