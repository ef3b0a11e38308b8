using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>Finding 13: a data folder that cannot hold the database, or a database server that cannot be reached, is named, with what to do.</summary>
public class DataDirectoryTests
{
    [Fact]
    [Trait("Category", "Postgres")]
    public async Task A_PostgreSQL_database_that_cannot_be_opened_is_named_with_what_to_do()
    {
        var missing = new Npgsql.NpgsqlConnectionStringBuilder(Support.TestStorage.PostgresServer) { Database = "khong_co_csdl_nay" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N")),
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = missing.ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddConsultCore(configuration).BuildServiceProvider();
        var error = await Assert.ThrowsAsync<DatabaseLocationException>(() => Startup.PrepareDatabaseAsync(services));
        Assert.Contains($"PostgreSQL {missing.Host}:{missing.Port}/khong_co_csdl_nay", error.Message);
        Assert.Contains("Storage:ConnectionString", error.Message);
    }

    [Fact]
    public async Task An_unusable_data_folder_is_named_with_what_to_do()
    {
        var file = Path.GetTempFileName();
        try
        {
            var directory = Path.Combine(file, "data");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory }).Build();
            await using var services = new ServiceCollection().AddLogging().AddConsultCore(configuration).BuildServiceProvider();
            var error = await Assert.ThrowsAsync<DatabaseLocationException>(() => Startup.PrepareDatabaseAsync(services));
            Assert.Contains(directory, error.Message);
            Assert.Contains("Storage:DataDirectory", error.Message);
            Assert.Contains("quyền ghi", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
