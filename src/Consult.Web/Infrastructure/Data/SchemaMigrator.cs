using System.Reflection;
using Dapper;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// Applies the engine's embedded numbered scripts (db/sqlite/NNNN_*.sql or db/postgres/NNNN_*.sql) in order, each
/// once, each in its own transaction, and lists them in <c>schema_version</c>.
/// </summary>
public static class SchemaMigrator
{
    private static readonly string[] Embedded = typeof(SchemaMigrator).Assembly.GetManifestResourceNames();

    /// <summary>Every script of this engine, in the order they apply.</summary>
    public static IReadOnlyList<string> Scripts(StorageProvider storage) => Embedded
        .Where(n => n.StartsWith(storage.ScriptFolder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Applies the scripts not yet applied; returns their names.</summary>
    public static IReadOnlyList<string> Migrate(StorageProvider storage, TimeProvider clock)
    {
        using var connection = storage.Open();
        using var exclusive = storage.PrepareForMigration(connection);
        connection.Execute("create table if not exists schema_version (script text primary key, applied_at text not null)");
        var applied = connection.Query<string>("select script from schema_version").ToHashSet();
        var pending = Scripts(storage).Where(s => !applied.Contains(s)).ToList();
        foreach (var script in pending)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(EmbeddedText(script), transaction: transaction);
            connection.Execute("insert into schema_version (script, applied_at) values (@script, @now)",
                new { script, now = clock.GetUtcNow().ToString("O") }, transaction);
            transaction.Commit();
        }
        return pending;
    }

    public static string EmbeddedText(string name)
    {
        using var reader = new StreamReader(EmbeddedStream(name));
        return reader.ReadToEnd();
    }

    public static Stream EmbeddedStream(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
}
