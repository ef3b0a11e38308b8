using System.Data.Common;
using Dapper;
using Consult.Web.Infrastructure.Data;

namespace Consult.Web.Infrastructure.Registry;

/// <summary>
/// Every transaction that changes what search shows stamps the rows it changed <see cref="Pending"/>; as it commits
/// (SQLite), or just after in a short transaction of its own (PostgreSQL), they all take the next
/// <c>registry_state.change_seq</c>. Caches and each node's search index catch up by it. Taking the sequence last
/// keeps its row locked only for a moment, so a long import does not hold up other saves, and it makes sequences
/// commit in order: a reader that has seen one has seen every lower one.
/// </summary>
public static class ChangeSequence
{
    /// <summary>The stamp of a row changed by a transaction still running; never seen by anyone else.</summary>
    public const long Pending = -1;

    /// <summary>Stamps these rows of the current transaction (the sequence moves even when there are none: caches refresh).</summary>
    public static void Changed(Db db) => db.RegistryChanged();

    /// <summary>A sector was renamed: its regulations are found by the new name.</summary>
    public static async Task SectorRenamedAsync(Db db, long sectorId, CancellationToken cancellationToken)
    {
        db.RegistryChanged();
        await db.Connection.ExecuteAsync(db.Command(
            "update regulation set change_seq = @Pending where id in (select regulation_id from regulation_sector where sector_id = @sectorId)",
            new { Pending, sectorId }, cancellationToken));
    }

    /// <summary>
    /// Takes the next sequence and gives it to the rows stamped <see cref="Pending"/>. Regulations are found by the
    /// numbers and types of the documents they cite, so those citing a document changed here are stamped too (in a
    /// statement of its own: joined by "or", PostgreSQL would read the whole table instead of two indexes).
    /// </summary>
    internal static async Task StampAsync(StorageProvider storage, DbConnection connection, DbTransaction transaction)
    {
        var seq = await connection.ExecuteScalarAsync<long>(storage.NextChangeSeqSql, transaction: transaction);
        await connection.ExecuteAsync(
            """
            update legal_document set change_seq = @seq where change_seq = @Pending;
            update regulation set change_seq = @seq where change_seq = @Pending;
            update regulation set change_seq = @seq where change_seq <> @seq and id in (
                select b.regulation_id from regulation_basis b join legal_document d on d.id = b.legal_document_id where d.change_seq = @seq);
            """, new { seq, Pending }, transaction);
    }

    /// <summary>Stamps, in a transaction of its own, what committed commands left pending.</summary>
    internal static async Task StampCommittedAsync(StorageProvider storage, DbConnection connection)
    {
        await using var transaction = await storage.BeginStampAsync(connection);
        await StampAsync(storage, connection, transaction);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Rows a command committed but whose stamp never came (the node stopped in between, or a crash lost the stamp):
    /// any node's indexer stamps them at its next tick. Rows of commands still running are invisible here.
    /// </summary>
    public static async Task SweepAsync(StorageProvider storage)
    {
        if (!storage.StampsAfterCommit)
        {
            return;
        }
        await using var connection = storage.Open();
        if (await connection.ExecuteScalarAsync<bool>(
                "select exists (select 1 from regulation where change_seq = @Pending) or exists (select 1 from legal_document where change_seq = @Pending)",
                new { Pending }))
        {
            await StampCommittedAsync(storage, connection);
        }
    }
}
