using Consult.Domain.Import;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Search;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Registry;

public enum SaveOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>
/// The one way a regulation is written: row, sectors, legal basis, products, a new version
/// with the whole record, the search entry and the change sequence, in the caller's transaction.
/// </summary>
public sealed class RegulationWriter(SqliteConnection connection, SqliteTransaction transaction, TimeProvider clock)
{
    private Dictionary<string, int>? _agencies;
    private readonly Dictionary<string, long> _sectors = [];
    private readonly Dictionary<string, long> _documents = [];

    public IReadOnlyDictionary<string, int> Agencies => _agencies ??= connection
        .Query<(string Code, int Id)>("select code, id from agency", transaction: transaction)
        .ToDictionary(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase);

    public SaveOutcome Save(RegulationRow row, string source)
    {
        var snapshot = RegulationSnapshot.From(row);
        var snapshotJson = snapshot.ToJson();
        var existing = connection.QuerySingleOrDefault<(long Id, int Version, bool Published, string? PublishedOn, string Snapshot)?>(
            """
            select r.id, r.version, r.published, r.published_on, v.snapshot
            from regulation r join regulation_version v on v.regulation_id = r.id and v.version = r.version
            where r.code_key = @key
            """, new { key = RegulationCode.Key(row.Code) }, transaction);
        if (existing is { } found && found.Snapshot == snapshotJson)
        {
            return SaveOutcome.Unchanged;
        }

        IReadOnlyList<string> changes = existing is { } previous
            ? snapshot.ChangedSince(RegulationSnapshot.FromJson(previous.Snapshot))
            : [RegulationSnapshot.Created];
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd");
        var seq = connection.ExecuteScalar<long>("update registry_state set change_seq = change_seq + 1 returning change_seq", transaction: transaction);
        var publishedOn = !row.Published ? null : existing is { Published: true } e ? e.PublishedOn : today;
        var values = new
        {
            code = row.Code,
            codeKey = RegulationCode.Key(row.Code),
            kind = RegulationKinds.Code(row.Kind),
            title = row.Title,
            content = row.Content,
            agencyId = Agencies[row.AgencyCode],
            status = RegulationStatuses.Code(row.Status),
            published = row.Published,
            publishedOn,
            effectiveOn = row.EffectiveDate,
            row.Details.ProcessingTime,
            row.Details.Fees,
            row.Details.ImplementingBody,
            row.Details.Dossier,
            row.Details.Result,
            row.Details.ReportFrequency,
            row.Details.ReportRecipient,
            row.Details.BusinessLine,
            now,
            seq,
            id = existing?.Id,
        };

        long id;
        int version;
        if (existing is { } old)
        {
            id = old.Id;
            version = old.Version + 1;
            connection.Execute(
                """
                update regulation set code = @code, code_key = @codeKey, kind = @kind, title = @title, content = @content,
                    agency_id = @agencyId, status = @status, published = @published, published_on = @publishedOn,
                    effective_on = @effectiveOn, processing_time = @ProcessingTime, fees = @Fees,
                    implementing_body = @ImplementingBody, dossier = @Dossier, result = @Result,
                    report_frequency = @ReportFrequency, report_recipient = @ReportRecipient, business_line = @BusinessLine,
                    version = version + 1, updated_at = @now, change_seq = @seq
                where id = @id
                """, values, transaction);
            connection.Execute(
                """
                delete from regulation_sector where regulation_id = @id;
                delete from regulation_basis where regulation_id = @id;
                delete from regulation_product where regulation_id = @id;
                """, new { id }, transaction);
        }
        else
        {
            version = 1;
            id = connection.ExecuteScalar<long>(
                """
                insert into regulation (code, code_key, kind, title, content, agency_id, status, published, published_on,
                    effective_on, processing_time, fees, implementing_body, dossier, result, report_frequency,
                    report_recipient, business_line, version, created_at, updated_at, change_seq)
                values (@code, @codeKey, @kind, @title, @content, @agencyId, @status, @published, @publishedOn,
                    @effectiveOn, @ProcessingTime, @Fees, @ImplementingBody, @Dossier, @Result, @ReportFrequency,
                    @ReportRecipient, @BusinessLine, 1, @now, @now, @seq)
                returning id
                """, values, transaction);
        }

        connection.Execute("insert into regulation_sector (regulation_id, sector_id) values (@id, @sectorId)",
            row.Sectors.Select(SectorId).Distinct().Select(sectorId => new { id, sectorId }), transaction);
        connection.Execute(
            "insert into regulation_basis (regulation_id, position, legal_document_id, article) values (@id, @position, @documentId, @article)",
            row.LegalBasis.Select((b, i) => new { id, position = i, documentId = DocumentId(b.Number), article = b.Article ?? "" }), transaction);
        connection.Execute(
            "insert into regulation_product (regulation_id, position, hs_code, name) values (@id, @position, @HsCode, @Name)",
            row.Products.Select((p, i) => new { id, position = i, p.HsCode, p.Name }), transaction);
        connection.Execute(
            "insert into regulation_version (regulation_id, version, saved_at, source, changes, snapshot) values (@id, @version, @now, @source, @changes, @snapshot)",
            new { id, version, now, source, changes = RegulationSnapshot.JoinChanges(changes), snapshot = snapshotJson }, transaction);
        SearchIndex.Refresh(connection, transaction, id);
        return existing is null ? SaveOutcome.Created : SaveOutcome.Updated;
    }

    private long SectorId(string name)
    {
        var key = VietnameseFolding.Fold(name).Trim();
        if (!_sectors.TryGetValue(key, out var id))
        {
            id = connection.ExecuteScalar<long>(
                """
                insert into sector (name, name_key) values (@name, @key)
                on conflict (name_key) do update set name_key = excluded.name_key
                returning id
                """, new { name, key }, transaction);
            _sectors[key] = id;
        }
        return id;
    }

    private long DocumentId(string number)
    {
        var key = DocumentNumber.Key(number);
        if (!_documents.TryGetValue(key, out var id))
        {
            id = connection.ExecuteScalar<long>(
                """
                insert into legal_document (number, number_key, doc_type) values (@number, @key, @type)
                on conflict (number_key) do update set number_key = excluded.number_key
                returning id
                """, new { number, key, type = DocumentNumber.InferType(number).ToString() }, transaction);
            _documents[key] = id;
        }
        return id;
    }
}
