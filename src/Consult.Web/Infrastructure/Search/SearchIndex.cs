using System.Diagnostics;
using Consult.Domain.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.Web.Infrastructure.Search;

/// <summary>Keeps the FTS5 index in step with the registry; it can always be rebuilt from it.</summary>
public static class SearchIndex
{
    public sealed record IndexedText(string Code, string Title, string Content, string? Extra);

    public static string TitleText(string code, string title) => VietnameseFolding.Fold(code + " \n " + title);

    public static string BodyText(string content, string? extra) =>
        VietnameseFolding.Fold(string.IsNullOrEmpty(extra) ? content : content + " \n " + extra);

    public static void Upsert(SqliteConnection connection, SqliteTransaction? transaction, long id, IndexedText text) =>
        connection.Execute(
            "insert or replace into search_doc (rowid, title, body) values (@id, @title, @body)",
            new { id, title = TitleText(text.Code, text.Title), body = BodyText(text.Content, text.Extra) },
            transaction);

    /// <summary>Searchable text a regulation has beyond its content: kind-specific fields, products, sectors.</summary>
    public const string ExtraTextSql = """
        concat_ws(' ', r.processing_time, r.fees, r.implementing_body, r.dossier, r.result,
                  r.report_frequency, r.report_recipient, r.business_line,
                  (select group_concat(p.hs_code || ' ' || p.name, ' ') from regulation_product p where p.regulation_id = r.id),
                  (select group_concat(s.name, ' ') from regulation_sector rs join sector s on s.id = rs.sector_id where rs.regulation_id = r.id))
        """;

    public static void Refresh(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        var text = connection.QuerySingle<IndexedText>(
            $"select r.code, r.title, r.content, {ExtraTextSql} extra from regulation r where r.id = @id", new { id }, transaction);
        Upsert(connection, transaction, id, text);
    }

    /// <summary>Drops every entry and indexes every regulation again, in one transaction.</summary>
    public static (int Count, TimeSpan Elapsed) Rebuild(SqliteConnection connection)
    {
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        connection.Execute("insert into search_doc (search_doc) values ('delete-all')", transaction: transaction);
        // A larger in-memory hash flushes fewer, bigger segments during the bulk load.
        connection.Execute("insert into search_doc (search_doc, rank) values ('hashsize', 67108864)", transaction: transaction);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "insert into search_doc (rowid, title, body) values ($id, $title, $body)";
        var pId = insert.Parameters.Add("$id", SqliteType.Integer);
        var pTitle = insert.Parameters.Add("$title", SqliteType.Text);
        var pBody = insert.Parameters.Add("$body", SqliteType.Text);
        insert.Prepare();

        var count = 0;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = $"select r.id, r.code, r.title, r.content, {ExtraTextSql} extra from regulation r order by r.id";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                pId.Value = reader.GetInt64(0);
                pTitle.Value = TitleText(reader.GetString(1), reader.GetString(2));
                pBody.Value = BodyText(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                insert.ExecuteNonQuery();
                count++;
            }
        }
        connection.Execute("insert into search_doc (search_doc) values ('optimize')", transaction: transaction);
        transaction.Commit();
        return (count, watch.Elapsed);
    }
}
