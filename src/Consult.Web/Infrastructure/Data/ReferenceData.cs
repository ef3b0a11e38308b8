using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Data;

public sealed record AgencyRef
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

public sealed record SectorRef
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>The small lists every page names things from; <c>RegistryFacts</c> keeps them in memory.</summary>
public static class ReferenceData
{
    public static IReadOnlyList<AgencyRef> Agencies(SqliteConnection connection, SqliteTransaction? transaction) =>
        connection.Query<AgencyRef>("select id, code, name from agency order by name", transaction: transaction).ToList();

    public static IReadOnlyList<SectorRef> Sectors(SqliteConnection connection, SqliteTransaction? transaction) =>
        connection.Query<SectorRef>("select id, name from sector order by name", transaction: transaction).ToList();
}
