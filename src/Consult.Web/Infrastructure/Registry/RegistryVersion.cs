using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Infrastructure.Registry;

/// <summary>
/// Names what the registry held when it was read, for whatever a node derives from it (its search index, the facts
/// and figures it keeps in memory): <see cref="Seq"/> advances with every change (<see cref="ChangeSequence"/>);
/// <see cref="Generation"/> advances when the <c>reindex</c> command asks every node to derive all of it again,
/// as after data was changed in the database by hand.
/// </summary>
public sealed record RegistryVersion(long Generation, long Seq)
{
    /// <summary>Before anything was read.</summary>
    public static readonly RegistryVersion None = new(-1, -1);

    public static Task<RegistryVersion> ReadAsync(Db db, CancellationToken cancellationToken) =>
        db.Connection.QuerySingleAsync<RegistryVersion>(db.Command(
            "select index_generation generation, change_seq seq from registry_state", null, cancellationToken));
}
