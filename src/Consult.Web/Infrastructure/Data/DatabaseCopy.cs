using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// `copy-database --from sqlite:PATH --to postgres:CONNECTION`: moves an embedded portal to PostgreSQL. The target is
/// brought to the current schema, must hold nothing but reference data, and receives every row in one transaction; each
/// table's row count and checksum are compared with the source's before it commits, so a copy is whole or not made.
/// </summary>
public static class DatabaseCopy
{
    public static bool IsCopy(string[] args) => args is ["copy-database", ..];

    private const string Usage = "Lệnh: copy-database --from sqlite:ĐƯỜNG_DẪN/consult.db --to postgres:\"Host=…;Database=…;Username=…;Password=…\"";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["copy-database", "--from", var from, "--to", var to]
            || !from.StartsWith("sqlite:", StringComparison.Ordinal) || !to.StartsWith("postgres:", StringComparison.Ordinal))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        DapperSetup.Configure();
        var path = from["sqlite:".Length..];
        var sourceOptions = new StorageOptions { DataDirectory = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))! };
        if (!File.Exists(sourceOptions.DatabasePath))
        {
            await output.WriteLineAsync($"Không tìm thấy cơ sở dữ liệu SQLite {sourceOptions.DatabasePath}.");
            return 2;
        }
        using var source = new SqliteStorage(sourceOptions);
        using var target = new PostgresStorage(new StorageOptions { Provider = "postgres", ConnectionString = to["postgres:".Length..] });
        try
        {
            return await CopyAsync(source, target, output);
        }
        catch (CopyRefusedException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private sealed class CopyRefusedException(string message) : Exception(message);

    private static async Task<int> CopyAsync(SqliteStorage source, PostgresStorage target, TextWriter output)
    {
        await using var from = await source.OpenAsync(CancellationToken.None);
        var applied = (await from.QueryAsync<string>("select script from schema_version")).ToHashSet();
        if (!SchemaMigrator.Scripts(source).All(applied.Contains))
        {
            throw new CopyRefusedException($"Cơ sở dữ liệu {source.Location} chưa ở phiên bản mới nhất: hãy chạy lệnh migrate trên nó trước rồi sao chép.");
        }
        await SchemaMigrator.MigrateAsync(target, TimeProvider.System, CancellationToken.None);

        await using var to = (NpgsqlConnection)await target.OpenAsync(CancellationToken.None);
        var tables = (await to.QueryAsync<string>(
            "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'schema_version' order by table_name")).ToList();
        foreach (var table in new[] { "regulation", "app_user", "legal_document", "plan", "consultation", "feedback" })
        {
            if (await to.ExecuteScalarAsync<long>($"select count(*) from {table}") > 0)
            {
                throw new CopyRefusedException($"Cơ sở dữ liệu đích đã có dữ liệu (bảng {table}); chỉ sao chép vào một cơ sở dữ liệu mới.");
            }
        }

        await using var transaction = await to.BeginTransactionAsync();
        // Foreign keys are lifted while the rows go in, in any order, and put back before commit, which checks every row.
        var foreignKeys = (await to.QueryAsync<(string Table, string Name, string Definition)>(
            """
            select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
            join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = current_schema()
            """, transaction: transaction)).ToList();
        foreach (var key in foreignKeys)
        {
            await to.ExecuteAsync($"alter table {key.Table} drop constraint {key.Name}", transaction: transaction);
        }
        await to.ExecuteAsync($"truncate {string.Join(", ", tables)}", transaction: transaction);

        var mismatches = 0;
        foreach (var table in tables)
        {
            var columns = (await to.QueryAsync<(string Name, string Type)>(
                "select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = @table order by ordinal_position",
                new { table }, transaction)).ToList();
            var copied = await CopyTableAsync(from, to, table, columns);
            var (sourceCount, sourceSum) = await ChecksumAsync(from, null, table, columns);
            var (targetCount, targetSum) = await ChecksumAsync(to, transaction, table, columns);
            var same = sourceCount == copied && targetCount == copied && sourceSum == targetSum;
            mismatches += same ? 0 : 1;
            await output.WriteLineAsync($"{table}: {sourceCount} → {targetCount} dòng, tổng kiểm {targetSum[..12]} {(same ? "khớp" : "KHÔNG KHỚP với " + sourceSum[..12])}");
        }
        if (mismatches > 0)
        {
            await transaction.RollbackAsync();
            await output.WriteLineAsync($"Không sao chép: {mismatches} bảng không khớp; cơ sở dữ liệu đích không thay đổi.");
            return 1;
        }
        foreach (var key in foreignKeys)
        {
            await to.ExecuteAsync($"alter table {key.Table} add constraint {key.Name} {key.Definition}", transaction: transaction);
        }
        await PostgresStorage.ContinueIdsAfterCopyAsync(to, tables, transaction);
        await transaction.CommitAsync();
        await output.WriteLineAsync($"Đã sao chép {tables.Count} bảng từ {source.Location} sang {target.Location}; số dòng và tổng kiểm đều khớp.");
        return 0;
    }

    /// <summary>Binary COPY of every source row, each value converted to the target column's type.</summary>
    private static async Task<long> CopyTableAsync(DbConnection from, NpgsqlConnection to, string table, IReadOnlyList<(string Name, string Type)> columns)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var importer = await to.BeginBinaryImportAsync($"copy {table} ({names}) from stdin (format binary)");
        await using var reader = await from.ExecuteReaderAsync($"select {names} from {table}");
        while (await reader.ReadAsync())
        {
            await importer.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                if (await reader.IsDBNullAsync(i))
                {
                    await importer.WriteNullAsync();
                    continue;
                }
                var value = reader.GetValue(i);
                switch (columns[i].Type)
                {
                    case "bigint":
                        await importer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                        break;
                    case "boolean":
                        await importer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0, NpgsqlDbType.Boolean);
                        break;
                    case "double precision":
                        await importer.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                        break;
                    default:
                        await importer.WriteAsync(Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                        break;
                }
            }
        }
        return (long)await importer.CompleteAsync();
    }

    /// <summary>
    /// Row count and an order-free checksum of a table: each row written the same way on both engines (booleans as 0 or
    /// 1, numbers invariant, null apart from empty text), hashed, the hashes sorted and hashed again.
    /// </summary>
    private static async Task<(long Count, string Sum)> ChecksumAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<(string Name, string Type)> columns)
    {
        var rows = new List<byte[]>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"select {string.Join(", ", columns.Select(c => c.Name))} from {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var line = new StringBuilder();
        while (await reader.ReadAsync())
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                line.Append(reader.IsDBNull(i) ? "\u0000" : columns[i].Type switch
                {
                    "boolean" => reader.GetValue(i) is bool b ? (b ? "1" : "0") : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture) != 0 ? "1" : "0",
                    "bigint" => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    "double precision" => Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture),
                }).Append('\u001f');
            }
            rows.Add(SHA256.HashData(Encoding.UTF8.GetBytes(line.ToString())));
        }
        rows.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        return (rows.Count, Convert.ToHexStringLower(SHA256.HashData(rows.SelectMany(r => r).ToArray())));
    }
}
