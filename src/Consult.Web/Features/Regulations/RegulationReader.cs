using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Regulations;

public sealed record StoredVersion
{
    public int Version { get; init; }
    public int AgencyId { get; init; }
    public bool Published { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    public string SavedBy { get; init; } = "";
    public string Changes { get; init; } = "";
    public string SnapshotJson { get; init; } = "";
    public RegulationSnapshot Snapshot => RegulationSnapshot.FromJson(SnapshotJson);
}

/// <summary>Reads saved versions of a regulation as the history keeps them.</summary>
public sealed class RegulationReader(Db db)
{
    private const string Select = """
        select v.version, r.agency_id, r.published, v.saved_at, coalesce(u.display_name, v.source) saved_by, v.changes, v.snapshot snapshot_json
        from regulation r join regulation_version v on v.regulation_id = r.id
        left join app_user u on u.id = v.saved_by
        where r.code_key = @key
        """;

    public Task<StoredVersion?> CurrentAsync(string code, CancellationToken cancellationToken) =>
        db.Connection.QuerySingleOrDefaultAsync<StoredVersion>(db.Command(
            Select + " and v.version = r.version", new { key = RegulationCode.Key(code) }, cancellationToken));

    /// <summary>The version asked for and the one before it, if any.</summary>
    public async Task<(StoredVersion Version, StoredVersion? Previous)?> WithPreviousAsync(string code, int version, CancellationToken cancellationToken)
    {
        var rows = (await db.Connection.QueryAsync<StoredVersion>(db.Command(
            Select + " and v.version in (@version, @previous) order by v.version desc",
            new { key = RegulationCode.Key(code), version, previous = version - 1 }, cancellationToken))).ToList();
        return rows.Count > 0 && rows[0].Version == version ? (rows[0], rows.ElementAtOrDefault(1)) : null;
    }
}
