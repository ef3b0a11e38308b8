using Consult.IntegrationTests.Support;
using Dapper;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>
/// Finding 3: the one visibility rule holds on the effort index's records and on plans, page and API. One test hides a
/// regulation for a moment: the demo collection's tests run one after another, so no other sees it.
/// </summary>
[Collection(nameof(DemoCollection))]
public class VisibilityTests(DemoApp app)
{
    private readonly DemoApp _app = app;

    [Fact]
    public async Task Evidence_lists_name_no_unpublished_regulation_but_count_them()
    {
        // The denominator counts the agency's regulations in force.
        var hidden = (await Database.Open(_app).QueryAsync<(string Code, string Title)>(
            "select r.code, r.title from regulation r join agency a on a.id = r.agency_id where a.code = 'BCT' and r.published = false and r.status = 'in_force'")).ToList();
        Assert.NotEmpty(hidden);
        var period = (await _app.GetJsonAsync("/api/v1/effort-index")).GetProperty("period").GetString();
        var page = await _app.GetPageAsync($"/effort-index/{period}/BCT/published/denominator");
        var records = page.QuerySelector("[data-testid=records]")!.TextContent;
        Assert.All(hidden, h => Assert.DoesNotContain(h.Code, records));
        Assert.Contains($"và {hidden.Count} quy định chưa công khai", page.QuerySelector("[data-testid=hidden]")!.TextContent);

        var reviewer = await _app.SignInAsync("ratsoat@consult.demo", Consult.Web.Infrastructure.Security.DemoAccounts.Password);
        var seen = await Accounts.Html(await reviewer.GetAsync($"/effort-index/{period}/BCT/published/denominator"));
        Assert.Contains(hidden[0].Code, seen.QuerySelector("[data-testid=records]")!.TextContent);
    }

    [Fact]
    public async Task A_plan_names_only_the_items_whose_regulation_the_reader_may_see()
    {
        using var connection = Database.Open(_app);
        var planId = connection.ExecuteScalar<long>("select id from plan where status in ('approved', 'in_execution') order by id limit 1");
        var code = connection.ExecuteScalar<string>(
            "select r.code from plan_item i join regulation r on r.id = i.regulation_id where i.plan_id = @planId order by i.id limit 1", new { planId })!;
        connection.Execute("update regulation set published = false where code = @code", new { code });
        try
        {
            var page = await _app.GetPageAsync($"/plans/{planId}");
            Assert.DoesNotContain(code, page.QuerySelector("[data-testid=items]")!.TextContent);
            Assert.Contains("và 1 quy định chưa công khai", page.QuerySelector("[data-testid=hidden-items]")!.TextContent);

            var json = await _app.GetJsonAsync($"/api/v1/plans/{planId}");
            Assert.Equal(1, json.GetProperty("hiddenItems").GetInt32());
            Assert.DoesNotContain(json.GetProperty("items").EnumerateArray(), i => i.GetProperty("regulation").GetProperty("code").GetString() == code);
        }
        finally
        {
            connection.Execute("update regulation set published = true where code = @code", new { code });
        }
    }
}
