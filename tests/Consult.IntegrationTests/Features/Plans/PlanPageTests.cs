using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Plans;

/// <summary>A plan of a hundred items or more lists them fifty at a time, every item on exactly one page.</summary>
[Collection(nameof(DemoCollection))]
public class PlanPageTests(DemoApp app)
{
    [Fact]
    public async Task A_long_plan_pages_its_items_and_every_item_is_on_one_page()
    {
        var plan = app.Scalar<long>(
            "select i.plan_id from plan_item i join regulation r on r.id = i.regulation_id where r.published = true group by i.plan_id having count(*) > 100 order by i.plan_id limit 1");
        var visible = app.Scalar<int>("select count(*) from plan_item i join regulation r on r.id = i.regulation_id where i.plan_id = @plan and r.published = true", new { plan });
        var first = await app.GetPageAsync($"/plans/{plan}");
        Assert.Equal(50, first.QuerySelectorAll("[data-testid=items] tbody tr").Length);
        var pages = first.QuerySelectorAll("[data-testid=items-pager] li").Length;
        Assert.Equal((visible + 49) / 50, pages);

        var codes = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = await app.GetPageAsync($"/plans/{plan}?page={page}");
            codes.AddRange(html.QuerySelectorAll("[data-testid=items] tbody tr td:first-child a").Select(a => a.TextContent));
        }
        Assert.Equal(visible, codes.Count);
        Assert.Equal(visible, codes.Distinct().Count());

        var beyond = await app.GetPageAsync($"/plans/{plan}?page=999");
        Assert.Equal(codes[^1], beyond.QuerySelectorAll("[data-testid=items] tbody tr td:first-child a").Last().TextContent);
    }
}
