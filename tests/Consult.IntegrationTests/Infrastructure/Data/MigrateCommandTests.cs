using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>`migrate` brings a database to the current schema without starting the site or loading the demo.</summary>
public class MigrateCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N"));
    private readonly StorageOptions _storage;

    public MigrateCommandTests()
    {
        // A database nothing has been applied to yet.
        _storage = TestStorage.OnPostgres
            ? new StorageOptions { Provider = "postgres", ConnectionString = TestStorage.CreateDatabase(migrated: false) }
            : new StorageOptions { DataDirectory = _data };
    }

    public void Dispose()
    {
        if (_storage.ConnectionString is { } database)
        {
            TestStorage.DropDatabase(database);
        }
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> MigrateAsync() => PortalProcess.RunCommandAsync(_data,
        [("Storage__Provider", _storage.Provider), ("Storage__ConnectionString", _storage.ConnectionString ?? ""), ("Demo__Seed", "true")], "migrate");

    [Fact]
    public async Task Migrate_applies_every_script_once_and_loads_no_demo()
    {
        var (exitCode, output) = await MigrateAsync();
        Assert.Equal(0, exitCode);
        using var storage = StorageProvider.For(_storage);
        var scripts = SchemaMigrator.Scripts(storage).Count;
        Assert.Contains($"Đã áp dụng {scripts} tập lệnh: {Path.GetFileName(SchemaMigrator.Scripts(storage)[0])}", output);

        using (var connection = storage.Open())
        {
            Assert.Equal(scripts, connection.ExecuteScalar<int>("select count(*) from schema_version"));
            Assert.Equal(0, connection.ExecuteScalar<int>("select count(*) from regulation"));
            Assert.True(connection.ExecuteScalar<int>("select count(*) from agency") > 0, "reference data is loaded with the schema");
        }

        (exitCode, output) = await MigrateAsync();
        Assert.Equal(0, exitCode);
        Assert.Contains("Cơ sở dữ liệu đã ở phiên bản mới nhất", output);
    }
}
