using System.Security.Cryptography;
using Consult.Web.Features.Applicable;
using Consult.Web.Features.Calendar;
using Dapper;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// The reference lists shipped with the portal, loaded at start when the database holds another version of them: a
/// new database, a changed file or a new build of the portal. Restarting the same portal writes none of their some
/// 300 rows again, and leaves what administrators changed in them since.
/// </summary>
public static class ReferenceFiles
{
    private sealed record ReferenceList(string Name, string[] Files, Func<Db, CancellationToken, Task> LoadAsync);

    private static readonly ReferenceList[] Lists =
    [
        new("agencies", [AgenciesFile], LoadAgenciesAsync),
        new("calendar", [WorkingCalendars.ReferenceFile], WorkingCalendars.SeedAsync),
        new("business", [BusinessReference.VsicFile, BusinessReference.ProvinceFile], BusinessReference.SeedAsync),
    ];

    private const string AgenciesFile = "db/reference/agencies.csv";

    /// <summary>Loads each list whose version differs from the one the database last loaded; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> LoadChangedAsync(Db db, CancellationToken cancellationToken)
    {
        var held = (await db.Connection.QueryAsync<(string Name, string Fingerprint)>(db.Command("select name, fingerprint from reference_file", null, cancellationToken)))
            .ToDictionary(r => r.Name, r => r.Fingerprint);
        var loaded = new List<string>();
        foreach (var list in Lists)
        {
            var fingerprint = Fingerprint(list.Files);
            if (held.GetValueOrDefault(list.Name) == fingerprint)
            {
                continue;
            }
            await db.InTransactionAsync(async () =>
            {
                await list.LoadAsync(db, cancellationToken);
                await db.Connection.ExecuteAsync(db.Command(
                    "insert into reference_file (name, fingerprint) values (@Name, @fingerprint) on conflict (name) do update set fingerprint = excluded.fingerprint",
                    new { list.Name, fingerprint }, cancellationToken));
                return true;
            });
            loaded.Add(list.Name);
        }
        return loaded;
    }

    /// <summary>The files' contents and the build that reads them: a new build may read the same file differently.</summary>
    private static string Fingerprint(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(ReferenceFiles).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in files)
        {
            using var stream = SchemaMigrator.EmbeddedStream(file);
            hash.AppendData(SHA256.HashData(stream));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task LoadAgenciesAsync(Db db, CancellationToken cancellationToken)
    {
        var (table, error) = CsvTable.Read(SchemaMigrator.EmbeddedStream(AgenciesFile));
        var agencies = table?.Rows.Select(r => new
        {
            code = table.Cell(r.Fields, "code"),
            name = table.Cell(r.Fields, "name"),
            kind = table.Cell(r.Fields, "kind"),
            validFrom = NullIfEmpty(table.Cell(r.Fields, "valid_from")),
            validTo = NullIfEmpty(table.Cell(r.Fields, "valid_to")),
            successor = NullIfEmpty(table.Cell(r.Fields, "successor")),
        }).ToList() ?? throw new InvalidOperationException(error);
        await db.Connection.ExecuteAsync(db.Command("insert into agency (code, name) values (@code, @name) on conflict (code) do nothing", agencies, cancellationToken));
        // Kind, dates and successor are filled once per agency; administrators' later edits are kept.
        await db.Connection.ExecuteAsync(db.Command(
            """
            update agency set kind = @kind, valid_from = @validFrom, valid_to = @validTo,
                successor_id = (select s.id from agency s where s.code = @successor), described = true
            where code = @code and not described
            """, agencies, cancellationToken));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
