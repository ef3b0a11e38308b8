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
    public static async Task<IReadOnlyList<string>> MigrateAsync(StorageProvider storage, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await storage.OpenAsync(cancellationToken);
        await using var exclusive = await storage.PrepareForMigrationAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "create table if not exists schema_version (script text primary key, applied_at text not null)", cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<string>(new CommandDefinition("select script from schema_version", cancellationToken: cancellationToken))).ToHashSet();
        var pending = Scripts(storage).Where(s => !applied.Contains(s)).ToList();
        foreach (var script in pending)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(EmbeddedText(script), transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition("insert into schema_version (script, applied_at) values (@script, @now)",
                new { script, now = clock.GetUtcNow().ToString("O") }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
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
