using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Features.Security;

/// <summary>Finding 13: a data folder that cannot hold the database is named, with what to do.</summary>
public class DataDirectoryTests
{
    [Fact]
    public async Task An_unusable_data_folder_is_named_with_what_to_do()
    {
        var file = Path.GetTempFileName();
        try
        {
            var directory = Path.Combine(file, "data");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory }).Build();
            await using var services = new ServiceCollection().AddLogging().AddConsultCore(configuration).BuildServiceProvider();
            var error = await Assert.ThrowsAsync<DataDirectoryException>(() => Startup.PrepareDatabaseAsync(services));
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
