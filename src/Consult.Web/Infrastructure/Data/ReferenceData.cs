using Dapper;

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

/// <summary>The small lists every page names things from.</summary>
public static class ReferenceData
{
    public static async Task<IReadOnlyList<AgencyRef>> AgenciesAsync(Db db) =>
        (await db.Connection.QueryAsync<AgencyRef>("select id, code, name from agency order by name", transaction: db.Transaction)).ToList();

    public static async Task<IReadOnlyList<SectorRef>> SectorsAsync(Db db) =>
        (await db.Connection.QueryAsync<SectorRef>("select id, name from sector order by name", transaction: db.Transaction)).ToList();
}
