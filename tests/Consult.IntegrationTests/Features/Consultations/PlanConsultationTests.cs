using Consult.IntegrationTests.Infrastructure;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>A plan is consulted on what it proposes: each regulation's action and what it costs before and after.</summary>
[Collection(nameof(DemoCollection))]
public class PlanConsultationTests(DemoApp app)
{
    [Fact]
    public async Task A_consultation_on_a_plan_shows_each_items_action_and_yearly_cost_before_and_after()
    {
        var consultation = (await app.GetJsonAsync("/api/v1/consultations")).GetProperty("items").EnumerateArray()
            .First(c => c.GetProperty("subject").GetString() == "plan");
        var page = await app.GetPageAsync($"/consultations/{consultation.GetProperty("id").GetInt64()}");
        var plan = await app.GetJsonAsync(page.QuerySelector("a[href^='/plans/']")!.GetAttribute("href")!.Replace("/plans/", "/api/v1/plans/"));

        var rows = page.QuerySelectorAll("[data-testid=plan-items] tbody tr").ToList();
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, rows.Count);
        Assert.All(items.Zip(rows), pair =>
        {
            var code = pair.First.GetProperty("regulation").GetProperty("code").GetString()!;
            Assert.StartsWith(code, pair.Second.QuerySelector("td")!.TextContent.Trim());
            Assert.EndsWith("đồng", pair.Second.QuerySelectorAll("td")[2].TextContent.Trim());
        });
        Assert.Contains("tiết kiệm", page.QuerySelector("[data-testid=plan-items] + p")!.TextContent);
    }
}
