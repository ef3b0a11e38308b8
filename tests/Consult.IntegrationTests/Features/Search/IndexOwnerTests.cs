using System.Net;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Search;

/// <summary>One process at a time writes a node's search index: another on the same folder is told so and leaves it alone.</summary>
[LongRunning]
public class IndexOwnerTests
{
    [Fact]
    public async Task Reindex_beside_a_running_portal_leaves_the_rebuild_to_the_portal_whose_search_keeps_working()
    {
        using var folder = new TemporaryDataFolder();
        var csv = Path.Combine(Path.GetTempPath(), $"consult-{Guid.NewGuid():N}.csv");
        await System.IO.File.WriteAllTextAsync(csv, File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("1.000107", "Cấp Giấy phép bán lẻ rượu")));
        try
        {
            Assert.Equal(0, (await PortalProcess.RunCommandAsync(folder.Path, folder.StorageSettings, "import", "regulations", csv)).ExitCode);
        }
        finally
        {
            System.IO.File.Delete(csv);
        }
        using var portal = await PortalProcess.StartAsync(folder);

        var (exitCode, output) = await PortalProcess.RunCommandAsync(folder.Path, folder.StorageSettings, "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("Cổng đang chạy và giữ chỉ mục tìm kiếm", output);
        using var client = portal.Client();
        await Eventually.HoldsAsync(async () => (await client.GetStringAsync("/api/v1/regulations?q=ruou")).Contains("\"total\":2"),
            "the portal rebuilt its index and finds both regulations");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
