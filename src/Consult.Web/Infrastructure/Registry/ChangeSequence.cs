using System.Data.Common;
using Dapper;

namespace Consult.Web.Infrastructure.Registry;

/// <summary>
/// Every write that changes what search shows takes the next <c>registry_state.change_seq</c> in its own
/// transaction and stamps the rows it changed with it; caches and each node's search index catch up by it.
/// </summary>
public static class ChangeSequence
{
    public const string AdvanceSql = "update registry_state set change_seq = change_seq + 1 returning change_seq";

    public static Task<long> AdvanceAsync(DbConnection connection, DbTransaction? transaction) =>
        connection.ExecuteScalarAsync<long>(AdvanceSql, transaction: transaction);

    /// <summary>Regulations are found by the numbers and types of the documents they cite: those citing a document stamped <paramref name="seq"/> are stamped too.</summary>
    public static Task CitingRegulationsFollowAsync(DbConnection connection, DbTransaction? transaction, long seq) =>
        connection.ExecuteAsync(
            """
            update regulation set change_seq = @seq where id in (
                select b.regulation_id from regulation_basis b join legal_document d on d.id = b.legal_document_id where d.change_seq = @seq)
            """, new { seq }, transaction);

    /// <summary>A sector was renamed: its regulations are found by the new name.</summary>
    public static async Task SectorRenamedAsync(DbConnection connection, DbTransaction? transaction, long sectorId)
    {
        var seq = await AdvanceAsync(connection, transaction);
        await connection.ExecuteAsync(
            "update regulation set change_seq = @seq where id in (select regulation_id from regulation_sector where sector_id = @sectorId)",
            new { seq, sectorId }, transaction);
    }
}
