using System.Net;
using System.Text.Json;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Health;

/// <summary>The load balancer's questions: is the node alive, and can it serve what the database holds.</summary>
public class HealthTests : IDisposable
{
    // The indexer looks for changes once an hour here, so a change stays unsearchable until the test catches up.
    private readonly ConsultApp _app = new() { Settings = { ["Search:RefreshEvery"] = "01:00:00", ["Health:MaxSearchLag"] = "2" } };

    public void Dispose() => _app.Dispose();

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        var response = await _app.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task A_node_is_ready_only_while_its_search_has_caught_up_with_the_database()
    {
        Assert.Equal("ok", await _app.CreateClient().GetStringAsync("/health/live"));
        _app.CatchUpSearch();
        var (status, body) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("database").GetBoolean() && body.GetProperty("migrations").GetBoolean());

        // Three regulations saved that this node cannot find yet: more than it may trail by.
        var csv = File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("1.000107", "Cấp Giấy phép bán lẻ rượu"), Row("1.000108", "Cấp Giấy phép sản xuất rượu"));
        await _app.ImportAsync(csv, catchUpSearch: false);
        (status, body) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not-ready", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("searchLag").GetInt64() > 2);

        _app.CatchUpSearch();
        (status, body) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("searchLag").GetInt64());
    }
}
