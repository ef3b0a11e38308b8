using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Support;

public static class Database
{
    /// <summary>A separate connection to the app's database, to read rows back as they are stored.</summary>
    public static System.Data.Common.DbConnection Open(ConsultApp app) => app.Services.GetRequiredService<StorageProvider>().Open();

    public static T Scalar<T>(this ConsultApp app, string sql, object? parameters = null)
    {
        using var connection = Open(app);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public static IReadOnlyList<T> Query<T>(this ConsultApp app, string sql, object? parameters = null)
    {
        using var connection = Open(app);
        return connection.Query<T>(sql, parameters).ToList();
    }
}

public static class AuditTrail
{
    /// <summary>The audit events of one record, oldest first.</summary>
    public static async Task<IReadOnlyList<(string Action, string Actor, int? From, int? To, string Summary)>> QueryAuditAsync(this ConsultApp app, string entityKey)
    {
        using var connection = Database.Open(app);
        return (await Dapper.SqlMapper.QueryAsync<(string, string, long?, long?, string)>(connection,
                "select action, actor, from_version, to_version, summary from audit_event where entity_key = @entityKey order by id", new { entityKey }))
            .Select(e => (e.Item1, e.Item2, (int?)e.Item3, (int?)e.Item4, e.Item5)).ToList();
    }
}
