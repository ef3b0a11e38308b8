using System.Reflection;
using Dapper;

namespace Consult.Web.Infrastructure.Data;

/// <summary>Applies the embedded db/sqlite/NNNN_*.sql scripts in order, each once, each in its own transaction.</summary>
public static class SchemaMigrator
{
    private const string Prefix = "db/sqlite/";

    public static IReadOnlyList<string> Scripts { get; } = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Applies the scripts not yet applied; returns their names.</summary>
    public static IReadOnlyList<string> Migrate(string connectionString)
    {
        using var connection = Db.Open(connectionString);
        connection.Execute("pragma journal_mode = wal");
        connection.Execute("create table if not exists schema_version (script text primary key, applied_at text not null)");
        var applied = connection.Query<string>("select script from schema_version").ToHashSet();
        var pending = Scripts.Where(s => !applied.Contains(s)).ToList();
        foreach (var script in pending)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(EmbeddedText(script), transaction: transaction);
            connection.Execute("insert into schema_version (script, applied_at) values (@script, @now)",
                new { script, now = DateTime.UtcNow.ToString("O") }, transaction);
            transaction.Commit();
        }
        return pending;
    }

    public static string EmbeddedText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Stream EmbeddedStream(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
}
