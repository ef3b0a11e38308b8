using System.Data.Common;
using Consult.Domain.Applicability;
using Consult.Domain.Import;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Registry;
using Dapper;

namespace Consult.Web.Features.Regulations;

public enum SaveOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What others need to hear about from the registry: a regulation has just become public.</summary>
public interface IRegistryEvents
{
    /// <summary>Called inside the saving transaction, like every other part of a save.</summary>
    Task PublishedAsync(long regulationId, CancellationToken cancellationToken);

    /// <summary>A published regulation saved with changes (listed by field), inside the saving transaction.</summary>
    Task ChangedAsync(long regulationId, IReadOnlyList<string> changes, CancellationToken cancellationToken);
}

/// <summary>What saving a row would do to the stored regulation.</summary>
public sealed record RegulationComparison(SaveOutcome Outcome, int? Version, bool WasPublished, int? AgencyId, IReadOnlyList<string> Changes);

/// <summary>
/// The one way a regulation is written: row, sectors, legal basis, products, a new version
/// with the whole record, the search entry, the change sequence and the audit trail, in the command's transaction.
/// Transient: its lookups are cached for one command.
/// </summary>
public sealed class RegulationWriter(Db db, TimeProvider clock, AuditLog audit, CurrentUser user, IRegistryEvents events)
{
    /// <summary>The expected version of a regulation that must not exist yet.</summary>
    public const int New = 0;

    private Dictionary<string, int>? _agencies;
    private readonly Dictionary<string, long> _sectors = [];
    private readonly Dictionary<string, long> _documents = [];
    // Sectors and documents this writer created belong to one transaction; one run again after a conflict starts afresh.
    private DbTransaction? _lookupsOf;

    private DbConnection Connection => db.Connection;
    private DbTransaction? Transaction => db.Transaction;

    /// <summary>Agency ids by code, read once per writer.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AgenciesAsync(CancellationToken cancellationToken) => _agencies ??=
        (await Connection.QueryAsync<(string Code, int Id)>(db.Command("select code, id from agency", null, cancellationToken)))
            .ToDictionary(a => a.Code, a => a.Id, StringComparer.OrdinalIgnoreCase);

    /// <param name="keepPublication">Compare as if the row kept the stored publication (see <see cref="SaveAsync"/>).</param>
    public async Task<RegulationComparison> CompareAsync(RegulationRow row, CancellationToken cancellationToken, bool keepPublication = false)
    {
        var existing = await FindAsync(row.Code, cancellationToken);
        if (existing is null)
        {
            return new RegulationComparison(SaveOutcome.Created, null, false, null, [RegulationSnapshot.Created]);
        }
        var snapshot = RegulationSnapshot.From(keepPublication ? row with { Published = existing.Published } : row);
        var changes = snapshot.ChangedSince(RegulationSnapshot.FromJson(existing.Snapshot));
        return new RegulationComparison(changes.Count == 0 ? SaveOutcome.Unchanged : SaveOutcome.Updated,
            existing.Version, existing.Published, existing.AgencyId, changes);
    }

    /// <param name="expectedVersion">The version the user edited (<see cref="New"/> for a new code); a different stored version is a conflict.</param>
    /// <param name="action">What the audit trail calls an update: update, publish, unpublish or repeal.</param>
    /// <param name="keepPublication">Keep the stored publication whatever the row says (unpublished when new): only leads publish.</param>
    public async Task<SaveOutcome> SaveAsync(RegulationRow row, string source, CancellationToken cancellationToken,
        int? expectedVersion = null, string action = "update", bool keepPublication = false)
    {
        if (!ReferenceEquals(_lookupsOf, Transaction))
        {
            _sectors.Clear();
            _documents.Clear();
            _lookupsOf = Transaction;
        }
        var existing = await FindAsync(row.Code, cancellationToken);
        if (keepPublication)
        {
            row = row with { Published = existing?.Published ?? false };
        }
        var snapshot = RegulationSnapshot.From(row);
        var snapshotJson = snapshot.ToJson();
        if (expectedVersion is { } expected && (existing?.Version ?? New) != expected)
        {
            throw Conflict(row.Code, expected, existing);
        }
        if (existing is { } found && found.Snapshot == snapshotJson)
        {
            return SaveOutcome.Unchanged;
        }

        IReadOnlyList<string> changes = existing is { } previous
            ? snapshot.ChangedSince(RegulationSnapshot.FromJson(previous.Snapshot))
            : [RegulationSnapshot.Created];
        var now = clock.GetUtcNow();
        var today = clock.Today().ToString(IsoDate.Pattern);
        ChangeSequence.Changed(db);
        var publishedOn = !row.Published ? null : existing is { Published: true } e ? e.PublishedOn : today;
        var values = new
        {
            code = row.Code,
            codeKey = RegulationCode.Key(row.Code),
            kind = RegulationKinds.Code(row.Kind),
            title = row.Title,
            content = row.Content,
            agencyId = (await AgenciesAsync(cancellationToken))[row.AgencyCode],
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
            stage = row.Applies.Stage is { } stage ? ProfileTerms.Code(stage) : null,
            now,
            seq = ChangeSequence.Pending,
            id = existing?.Id,
        };

        long id;
        int version;
        if (existing is { } old)
        {
            id = old.Id;
            version = old.Version + 1;
            await Connection.ExecuteAsync(db.Command(
                """
                update regulation set code = @code, code_key = @codeKey, kind = @kind, title = @title, content = @content,
                    agency_id = @agencyId, status = @status, published = @published, published_on = @publishedOn,
                    effective_on = @effectiveOn, processing_time = @ProcessingTime, fees = @Fees,
                    implementing_body = @ImplementingBody, dossier = @Dossier, result = @Result,
                    report_frequency = @ReportFrequency, report_recipient = @ReportRecipient, business_line = @BusinessLine,
                    applies_stage = @stage, version = version + 1, updated_at = @now, change_seq = @seq
                where id = @id
                """, values, cancellationToken));
            await Connection.ExecuteAsync(db.Command(
                """
                delete from regulation_sector where regulation_id = @id;
                delete from regulation_basis where regulation_id = @id;
                delete from regulation_product where regulation_id = @id;
                delete from regulation_applies where regulation_id = @id;
                """, new { id }, cancellationToken));
        }
        else
        {
            version = 1;
            id = await Connection.ExecuteScalarAsync<long>(db.Command(
                """
                insert into regulation (code, code_key, kind, title, content, agency_id, status, published, published_on,
                    effective_on, processing_time, fees, implementing_body, dossier, result, report_frequency,
                    report_recipient, business_line, applies_stage, version, created_at, updated_at, change_seq)
                values (@code, @codeKey, @kind, @title, @content, @agencyId, @status, @published, @publishedOn,
                    @effectiveOn, @ProcessingTime, @Fees, @ImplementingBody, @Dossier, @Result, @ReportFrequency,
                    @ReportRecipient, @BusinessLine, @stage, 1, @now, @now, @seq)
                returning id
                """, values, cancellationToken));
        }

        await Connection.ExecuteAsync(db.Command("insert into regulation_sector (regulation_id, sector_id) values (@id, @sectorId)",
            (await SectorIdsAsync(row.Sectors, cancellationToken)).Select(sectorId => new { id, sectorId }), cancellationToken));
        await Connection.ExecuteAsync(db.Command(
            "insert into regulation_basis (regulation_id, position, legal_document_id, article) values (@id, @position, @documentId, @article)",
            (await DocumentIdsAsync(row.LegalBasis, values.agencyId, cancellationToken)).Select((b, i) => new { id, position = i, documentId = b.Id, article = b.Article ?? "" }), cancellationToken));
        await Connection.ExecuteAsync(db.Command(
            "insert into regulation_product (regulation_id, position, hs_code, name) values (@id, @position, @HsCode, @Name)",
            row.Products.Select((p, i) => new { id, position = i, p.HsCode, p.Name }), cancellationToken));
        await Connection.ExecuteAsync(db.Command("insert into regulation_applies (regulation_id, dimension, value) values (@id, @Dimension, @Value)",
            Tags(row.Applies).Select(t => new { id, t.Dimension, t.Value }), cancellationToken));
        await Connection.ExecuteAsync(db.Command(
            """
            insert into regulation_version (regulation_id, version, saved_at, source, changes, snapshot, saved_by)
            values (@id, @version, @now, @source, @changes, @snapshot, @userId)
            """,
            new { id, version, now, source, changes = RegulationSnapshot.JoinChanges(changes), snapshot = snapshotJson, userId = user.Id }, cancellationToken));
        await audit.RecordAsync(new AuditEntry(existing is null ? "create" : action, AuditLog.Regulation, row.Code, RegulationSnapshot.JoinChanges(changes))
        {
            AgencyId = values.agencyId,
            FromVersion = existing?.Version,
            ToVersion = version,
        }, cancellationToken);
        if (row.Published && existing is not { Published: true })
        {
            await events.PublishedAsync(id, cancellationToken);
        }
        else if (row.Published)
        {
            await events.ChangedAsync(id, changes, cancellationToken);
        }
        return existing is null ? SaveOutcome.Created : SaveOutcome.Updated;
    }

    private static IEnumerable<(string Dimension, string Value)> Tags(ApplicabilityTags tags) =>
        tags.Lines.Select(l => ("line", l))
            .Concat(tags.Forms.Select(f => ("form", ProfileTerms.Code(f))))
            .Concat(tags.Sizes.Select(s => ("size", ProfileTerms.Code(s))))
            .Concat(tags.Provinces.Select(p => ("province", p)));

    private HashSet<string>? _vsicLines;
    private HashSet<string>? _provinces;

    /// <summary>Tags naming a business line or province the reference lists do not hold, by import column.</summary>
    public async Task<IReadOnlyList<FieldError>> UnknownTagsAsync(RegulationRow row, CancellationToken cancellationToken)
    {
        // Read once per command: an import checks thousands of rows against the same lists.
        _vsicLines ??= (await Connection.QueryAsync<string>(db.Command("select code from vsic_line", null, cancellationToken))).ToHashSet();
        _provinces ??= (await Connection.QueryAsync<string>(db.Command("select code from province", null, cancellationToken))).ToHashSet();
        var lines = row.Applies.Lines.Where(l => !_vsicLines.Contains(l));
        var provinces = row.Applies.Provinces.Where(p => !_provinces.Contains(p));
        return [
            .. lines.Select(l => new FieldError("business_lines", $"không có ngành mã \"{l}\" trong danh mục VSIC của cổng.")),
            .. provinces.Select(p => new FieldError("provinces", $"không có tỉnh, thành phố mã \"{p}\" (dùng mã sau sắp xếp năm 2025, ví dụ 01 Hà Nội).")),
        ];
    }

    private sealed record Stored
    {
        public long Id { get; init; }
        public int Version { get; init; }
        public bool Published { get; init; }
        public string? PublishedOn { get; init; }
        public int AgencyId { get; init; }
        public string Snapshot { get; init; } = "";
        public string SavedAt { get; init; } = "";
        public string SavedBy { get; init; } = "";
    }

    private Task<Stored?> FindAsync(string code, CancellationToken cancellationToken) => Connection.QuerySingleOrDefaultAsync<Stored?>(db.Command(
        """
        select r.id, r.version, r.published, r.published_on, r.agency_id, v.snapshot, v.saved_at,
            coalesce(u.display_name, v.source) saved_by
        from regulation r join regulation_version v on v.regulation_id = r.id and v.version = r.version
        left join app_user u on u.id = v.saved_by
        where r.code_key = @key
        """, new { key = RegulationCode.Key(code) }, cancellationToken));

    private static UserInputException Conflict(string code, int expected, Stored? stored) => stored is null
        ? new("", $"Mã \"{code}\" không có trong hệ thống; không lưu được.", StatusCodes.Status409Conflict)
        : expected == New
            ? new("", $"Mã \"{code}\" đã được dùng cho một quy định khác; hãy chọn mã khác.", StatusCodes.Status409Conflict)
            : UserInputException.Stale($"Quy định {code}", stored.Version, expected, stored.SavedBy,
                VietnameseDates.Show(DateTimeOffset.Parse(stored.SavedAt, System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<IReadOnlyList<long>> SectorIdsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var name in names)
        {
            var key = VietnameseFolding.Fold(name).Trim();
            if (!_sectors.TryGetValue(key, out var id))
            {
                id = await FindOrCreateAsync("select id from sector where name_key = @key",
                    "insert into sector (name, name_key) values (@name, @key) on conflict (name_key) do nothing returning id", new { name, key }, cancellationToken);
                _sectors[key] = id;
            }
            ids.Add(id);
        }
        return [.. ids.Distinct()];
    }

    private async Task<IReadOnlyList<(long Id, string? Article)>> DocumentIdsAsync(IEnumerable<LegalBasisItem> basis, int agencyId, CancellationToken cancellationToken)
    {
        var ids = new List<(long, string?)>();
        foreach (var (number, article) in basis.Select(b => (b.Number, b.Article)))
        {
            var key = DocumentNumber.Key(number);
            if (!_documents.TryGetValue(key, out var id))
            {
                id = await FindOrCreateAsync("select id from legal_document where number_key = @key",
                    """
                    insert into legal_document (number, number_key, doc_type, agency_id, change_seq) values (@number, @key, @type, @agencyId, @seq)
                    on conflict (number_key) do nothing returning id
                    """, new { number, key, type = DocumentNumber.InferType(number).ToString(), agencyId, seq = ChangeSequence.Pending }, cancellationToken);
                _documents[key] = id;
            }
            ids.Add((id, article));
        }
        return ids;
    }

    /// <summary>
    /// A shared record (a sector, a cited document) read without locking it, and created only when missing: a long
    /// import citing the same decree as a single save then holds nothing the save waits for. A record created by another
    /// writer meanwhile is read once that writer commits.
    /// </summary>
    private async Task<long> FindOrCreateAsync(string find, string create, object values, CancellationToken cancellationToken) =>
        await Connection.ExecuteScalarAsync<long?>(db.Command(find, values, cancellationToken))
        ?? await Connection.ExecuteScalarAsync<long?>(db.Command(create, values, cancellationToken))
        ?? await Connection.ExecuteScalarAsync<long>(db.Command(find, values, cancellationToken));
}
