using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>What a consultation puts before its readers: a plan's items with their costs, a draft article by article.</summary>
[Collection(nameof(DemoCollection))]
public class ConsultedContentTests(DemoApp app)
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

    [Fact]
    public async Task The_demo_has_a_draft_decree_open_for_comment_article_by_article()
    {
        var consultation = (await app.GetJsonAsync("/api/v1/consultations?status=open")).GetProperty("items").EnumerateArray()
            .Single(c => c.GetProperty("subject").GetString() == "document");
        var page = await app.GetPageAsync($"/consultations/{consultation.GetProperty("id").GetInt64()}");

        Assert.Equal(["Chương I. QUY ĐỊNH CHUNG", "Chương II. ĐIỀU KIỆN KINH DOANH", "Chương III. ĐIỀU KHOẢN THI HÀNH"],
            page.QuerySelectorAll("[data-testid=draft] h3").Select(h => h.TextContent));
        Assert.Equal(["Mục 1. BÁN BUÔN RƯỢU", "Mục 2. BÁN LẺ RƯỢU"], page.QuerySelectorAll("[data-testid=draft] > h4").Select(h => h.TextContent));
        var counts = page.QuerySelectorAll("[data-testid=draft-article]").ToDictionary(a => a.Id!, a => a.QuerySelector("[data-testid=article-count]")!.TextContent);
        Assert.Equal(["dieu-1", "dieu-2", "dieu-5", "dieu-6", "dieu-8", "dieu-10"], counts.Keys);
        Assert.Equal("1 ý kiến", counts["dieu-5"]);
        Assert.Equal("1 ý kiến", counts["dieu-6"]);
        Assert.NotNull(page.QuerySelector("#dieu-5-khoan-2 a[href*='?item=']"));
    }
}
