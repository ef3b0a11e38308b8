using System.Diagnostics;
using Consult.Domain.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Search;

/// <summary>Keeps the FTS5 indexes in step with the registry; they can always be rebuilt from it.</summary>
public static class SearchIndex
{
    private static readonly string[] Tables = ["search_doc", "search_title"];
    private const int BatchSize = 512;
    private const long DefaultAutomerge = 4;

    public sealed record IndexedText(long Id, string Code, string Title, string Content, string? Extra);

    /// <summary>Searchable text a regulation has beyond its content: kind-specific fields, products, sectors.</summary>
    public const string ExtraTextSql = """
        concat_ws(' ', r.processing_time, r.fees, r.implementing_body, r.dossier, r.result,
                  r.report_frequency, r.report_recipient, r.business_line,
                  (select group_concat(p.hs_code || ' ' || p.name, ' ') from regulation_product p where p.regulation_id = r.id),
                  (select group_concat(s.name, ' ') from regulation_sector rs join sector s on s.id = rs.sector_id where rs.regulation_id = r.id))
        """;

    private const string SelectText = $"select r.id, r.code, r.title, r.content, {ExtraTextSql} extra from regulation r";

    public static string TitleText(string code, string title) => VietnameseFolding.Fold(code + " \n " + title);

    public static string BodyText(string content, string? extra) =>
        VietnameseFolding.Fold(string.IsNullOrEmpty(extra) ? content : content + " \n " + extra);

    public static void Refresh(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        var text = connection.QuerySingle<IndexedText>($"{SelectText} where r.id = @id", new { id }, transaction);
        var title = TitleText(text.Code, text.Title);
        connection.Execute(
            """
            insert or replace into search_doc (rowid, title, body) values (@id, @title, @body);
            insert or replace into search_title (rowid, title) values (@id, @title);
            """,
            new { id, title, body = BodyText(text.Content, text.Extra) }, transaction);
    }

    /// <summary>Drops every entry and indexes every regulation again, in one transaction.</summary>
    public static (int Count, TimeSpan Elapsed) Rebuild(SqliteConnection connection)
    {
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        var automerge = new Dictionary<string, long>();
        foreach (var table in Tables)
        {
            connection.Execute($"insert into {table} ({table}) values ('delete-all')", transaction: transaction);
            // A larger in-memory hash flushes fewer, bigger segments, and no merging while loading:
            // the one 'optimize' at the end merges everything once.
            automerge[table] = connection.ExecuteScalar<long?>($"select v from {table}_config where k = 'automerge'", transaction: transaction) ?? DefaultAutomerge;
            connection.Execute($"insert into {table} ({table}, rank) values ('hashsize', 67108864)", transaction: transaction);
            connection.Execute($"insert into {table} ({table}, rank) values ('automerge', 0)", transaction: transaction);
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "insert into search_doc (rowid, title, body) values ($id, $title, $body); insert into search_title (rowid, title) values ($id, $title);";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);

        // Folding runs on another core while this thread reads the next batch and inserts the last one;
        // the connection itself is only ever used from this thread.
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"{SelectText} order by r.id";
        using var reader = read.ExecuteReader();
        var count = 0;
        Task<List<(long, string, string)>>? pending = null;
        while (true)
        {
            var batch = new List<(long Id, string Code, string Title, string Content, string? Extra)>(BatchSize);
            while (batch.Count < BatchSize && reader.Read())
            {
                batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
            var next = batch.Count == 0 ? null : Task.Run(() => batch.Select(r => (r.Id, TitleText(r.Code, r.Title), BodyText(r.Content, r.Extra))).ToList());
            if (pending is not null)
            {
                foreach (var row in pending.GetAwaiter().GetResult())
                {
                    (id.Value, title.Value, body.Value) = row;
                    insert.ExecuteNonQuery();
                    count++;
                }
            }
            if (next is null)
            {
                break;
            }
            pending = next;
        }
        foreach (var table in Tables)
        {
            connection.Execute($"insert into {table} ({table}) values ('optimize')", transaction: transaction);
            // The settings persist: back to those single saves are tuned for.
            connection.Execute($"insert into {table} ({table}, rank) values ('hashsize', 1048576)", transaction: transaction);
            connection.Execute($"insert into {table} ({table}, rank) values ('automerge', @value)", new { value = automerge[table] }, transaction);
        }
        transaction.Commit();
        return (count, watch.Elapsed);
    }
}
