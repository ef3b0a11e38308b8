using Dapper;

namespace Consult.Web.Infrastructure.Data;

public sealed record AgencyRef
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>bo, ngang_bo, thuoc_cp, dia_phuong or khac.</summary>
    public string Kind { get; init; } = "khac";
    /// <summary>The last day the agency existed (yyyy-mm-dd), if it was merged into another.</summary>
    public string? ValidTo { get; init; }
    public int? SuccessorId { get; init; }

    public bool ExistsOn(DateOnly day) => ValidTo is null || string.CompareOrdinal(ValidTo, day.ToString("yyyy-MM-dd")) >= 0;

    public static string KindLabel(string kind) => kind switch
    {
        "bo" => "Bộ",
        "ngang_bo" => "Cơ quan ngang bộ",
        "thuoc_cp" => "Cơ quan thuộc Chính phủ",
        "dia_phuong" => "Địa phương",
        _ => "Tổ chức khác",
    };
}

public sealed record SectorRef
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>The small lists every page names things from; <c>RegistryFacts</c> keeps them in memory.</summary>
public static class ReferenceData
{
    public static async Task<IReadOnlyList<AgencyRef>> AgenciesAsync(Db db, CancellationToken cancellationToken) =>
        (await db.Connection.QueryAsync<AgencyRef>(db.Command("select id, code, name, kind, valid_to, successor_id from agency order by name", null, cancellationToken))).ToList();

    public static async Task<IReadOnlyList<SectorRef>> SectorsAsync(Db db, CancellationToken cancellationToken) =>
        (await db.Connection.QueryAsync<SectorRef>(db.Command("select id, name from sector order by name", null, cancellationToken))).ToList();
}
