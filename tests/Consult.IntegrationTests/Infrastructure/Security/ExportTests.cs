using Consult.IntegrationTests.Support;
using Dapper;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 6: exports stream whatever their size; page limits cannot be lifted from the query string.</summary>
[LongRunning]
public class ExportTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task The_search_export_streams_more_matches_than_one_sql_statement_can_name()
    {
        var app = portal.Fresh();
        const int rows = 40_000;
        using (var connection = Database.Open(app))
        using (var transaction = connection.BeginTransaction())
        {
            // As every write does: the sequence and the rows it stamps commit together.
            connection.Execute(
                $"""
                update registry_state set change_seq = change_seq + 1;
                insert into regulation (code, code_key, kind, title, content, agency_id, status, published, effective_on, created_at, updated_at, change_seq)
                with recursive n(i) as (select 1 union all select i + 1 from n where i < {rows})
                select 'YCDK-BCT-' || i, 'YCDK-BCT-' || i, 'YCDK', 'Điều kiện kinh doanh xăng dầu số ' || i, 'Nội dung.',
                    (select id from agency where code = 'BCT'), 'in_force', true, '2020-01-01', '2026-01-01', '2026-01-01', (select change_seq from registry_state)
                from n;
                """, transaction: transaction);
            transaction.Commit();
        }
        app.CatchUpSearch();
        var response = await app.CreateClient().GetAsync("/search/csv?q=xang+dau");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows + 1, lines.Length);
    }

    [Fact]
    public async Task All_pages_cannot_be_asked_for_from_the_query_string()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(Enumerable.Range(1, 120).Select(i => Row($"1.{i:000000}", $"Cấp giấy phép số {i}")).ToArray()));
        var page = await app.SearchAsync("giấy phép", ("allPages", "true"), ("AllPages", "true"), ("pageSize", "100000"));
        Assert.Equal(120, page.Total);
        Assert.Equal(100, page.Codes.Count);
        var html = await app.GetPageAsync("/search?q=giay+phep&allPages=true");
        Assert.Equal(20, html.QuerySelectorAll(".result").Length);
    }
}
