using System.Diagnostics;
using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Dapper;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Data;

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
        await _first.ImportAsync(File(Row("1.009001", "Cấp phép kinh doanh thử nghiệm trên hai máy chủ")), catchUpSearch: false);

        var lag = await VisibleOnAsync(_second, "1.009001", "kinh doanh thu nghiem");
        Assert.True(lag < TimeSpan.FromSeconds(2), $"visible on the other node after {lag.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task What_is_imported_while_both_nodes_run_is_found_on_both_within_five_seconds()
    {
        await ServingAsync();
        var rows = Enumerable.Range(0, 300).Select(i => Row($"9.{i:D6}", $"Thủ tục nhập khẩu hàng mẫu số {i}")).ToArray();
        var report = await _second.ImportAsync(File(rows), catchUpSearch: false);
        Assert.True(report.Succeeded, string.Join(" ", report.Errors));
        foreach (var node in new[] { _first, _second })
        {
            var watch = Stopwatch.StartNew();
            await Eventually.HoldsAsync(async () => (await node.CreateClient().GetStringAsync("/api/v1/regulations?q=hang+mau")).Contains("\"total\":300"),
                "all 300 imported regulations found");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"found after {watch.Elapsed.TotalMilliseconds:N0} ms");
        }
    }

    [Fact]
    public async Task Two_editors_on_two_nodes_creating_one_code_at_once_get_one_regulation_and_a_conflict_message_never_an_error()
    {
        await _first.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
        await _first.CreateUserAsync("lanhdao.bct@example.vn", "BCT", Roles.Lead);
        var onFirst = await _first.SignInAsync("canbo.bct@example.vn");
        var onSecond = await _second.SignInAsync("lanhdao.bct@example.vn");
        Dictionary<string, string> Form(string code, string title) => NewRegulationForm(code, title, sectors: "Thương mại (mới)", basis: "99/2026/NĐ-CP");
        for (var i = 0; i < 10; i++)
        {
            var code = $"BCT-CUNG-{i}";
            // Both start together; whichever commits second meets the first one's row (or its sector and document).
            var responses = await Task.WhenAll(
                onFirst.PostFormAsync("/workspace", "/workspace/regulations", Form(code, "Bản của cán bộ")),
                onSecond.PostFormAsync("/workspace", "/workspace/regulations", Form(code, "Bản của lãnh đạo")));
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            Assert.Equal(1, _first.Scalar<int>("select count(*) from regulation where code = @code", new { code }));
        }
        Assert.Equal(1, _first.Scalar<int>("select count(*) from legal_document where number = '99/2026/NĐ-CP'"));
    }

    [Fact]
    public async Task A_save_whose_node_stopped_before_giving_it_a_change_number_is_found_after_the_other_nodes_next_sweep()
    {
        await ServingAsync();
        // What a node leaves when it stops right after a command commits: the rows, stamped pending.
        using (var connection = Database.Open(_first))
        {
            connection.Execute(
                """
                insert into regulation (code, code_key, kind, title, content, agency_id, status, published, created_at, updated_at, change_seq)
                values ('1.009002', '1.009002', 'TTHC', 'Thủ tục bỏ dở khi máy chủ dừng', '', (select id from agency where code = 'BCT'),
                    'in_force', true, '2026-01-01', '2026-01-01', -1)
                """);
        }
        await Eventually.HoldsAsync(async () => (await _second.CreateClient().GetStringAsync("/api/v1/regulations?q=bo+do+khi+may+chu+dung")).Contains("\"1.009002\""),
            "the pending row swept and indexed");
        Assert.True(_first.Scalar<long>("select change_seq from regulation where code = '1.009002'") > 0);
    }
}
