using System.Diagnostics;
using System.Net;
using System.Text;
using Consult.IntegrationTests.Infrastructure;
using Consult.Web.Features.Import;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Consult.IntegrationTests.Infrastructure.Rows;

namespace Consult.IntegrationTests.Features.Nodes;

/// <summary>Two portals on one PostgreSQL database, each with its own search index, serve the same registry.</summary>
[Trait("Category", "Postgres")]
public sealed class SeveralNodesTests : IDisposable
{
    private readonly ConsultApp _first = new();
    private readonly ConsultApp _second;

    public SeveralNodesTests()
    {
        _second = ConsultApp.Node(_first.PostgresDatabase
            ?? throw new InvalidOperationException("Several nodes share a PostgreSQL database: run with CONSULT_TEST_PROVIDER=postgres (tests/run.sh does)."));
    }

    /// <summary>Both nodes up and serving (each with its indexer running) before anything is saved, as in production.</summary>
    private async Task ServingAsync()
    {
        foreach (var node in new[] { _first, _second })
        {
            var client = node.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/regulations/1.000001")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regulations?q=giay+phep")).StatusCode);
        }
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    /// <summary>How long the other node took to show the regulation on its page, in its API and in its search.</summary>
    private static async Task<TimeSpan> VisibleOnAsync(ConsultApp node, string code, string words)
    {
        var client = node.CreateClient();
        var watch = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () =>
            (await client.GetAsync($"/regulations/{code}")).StatusCode == HttpStatusCode.OK
            && (await client.GetAsync($"/api/v1/regulations/{code}")).StatusCode == HttpStatusCode.OK
            && (await client.GetStringAsync($"/api/v1/regulations?q={Uri.EscapeDataString(words)}")).Contains($"\"{code}\""),
            $"{code} on the other node");
        return watch.Elapsed;
    }

    [Fact]
    public async Task A_regulation_saved_on_one_node_is_on_the_others_page_api_and_search_within_two_seconds()
    {
        await ServingAsync();
        using (var scope = _first.Services.CreateScope())
        {
            await ImportRegulations.FromCsvAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value,
                new MemoryStream(Encoding.UTF8.GetBytes(File(Row("1.009001", "Cấp phép kinh doanh thử nghiệm trên hai máy chủ")))), "test");
        }

        var lag = await VisibleOnAsync(_second, "1.009001", "kinh doanh thu nghiem");
        Assert.True(lag < TimeSpan.FromSeconds(2), $"visible on the other node after {lag.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task What_is_imported_while_both_nodes_run_is_found_on_both_within_five_seconds()
    {
        await ServingAsync();
        var rows = Enumerable.Range(0, 300).Select(i => Row($"9.{i:D6}", $"Thủ tục nhập khẩu hàng mẫu số {i}")).ToArray();
        using (var scope = _second.Services.CreateScope())
        {
            var report = await ImportRegulations.FromCsvAsync(scope.ServiceProvider.GetRequiredService<IMediator>(),
                scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value, new MemoryStream(Encoding.UTF8.GetBytes(File(rows))), "test");
            Assert.True(report.Succeeded, string.Join(" ", report.Errors));
        }
        foreach (var node in new[] { _first, _second })
        {
            var watch = Stopwatch.StartNew();
            await Eventually.HoldsAsync(async () => (await node.CreateClient().GetStringAsync("/api/v1/regulations?q=hang+mau")).Contains("\"total\":300"),
                "all 300 imported regulations found");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"found after {watch.Elapsed.TotalMilliseconds:N0} ms");
        }
    }
}
