using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Statistics;

/// <summary>Honest demo data: a document number made up for the demo is marked wherever it shows; a real one is not.</summary>
[Collection(nameof(DemoCollection))]
public class IllustrativeNumbersTests(DemoApp app)
{
    [Fact]
    public async Task Made_up_numbers_are_marked_on_their_page_on_regulations_and_in_plans_and_real_ones_are_not()
    {
        var real = app.Scalar<long>("select id from legal_document where number = '59/2020/QH14'");
        Assert.Null((await app.GetPageAsync($"/legal-documents/{real}")).QuerySelector("[data-testid=illustrative]"));

        var (madeUp, citing) = app.Scalar<string>(
            """
            select d.id || ' ' || r.code from legal_document d join regulation_basis b on b.legal_document_id = d.id
            join regulation r on r.id = b.regulation_id where d.illustrative = true and r.published = true order by d.id limit 1
            """).Split(' ') is [var id, var code] ? (id, code) : throw new InvalidOperationException("the demo cites no made-up number");
        Assert.NotNull((await app.GetPageAsync($"/legal-documents/{madeUp}")).QuerySelector("[data-testid=illustrative]"));
        Assert.NotNull((await app.GetPageAsync($"/regulations/{Uri.EscapeDataString(citing)}")).QuerySelector("[data-testid=illustrative]"));

        var plan = app.Scalar<long>(
            "select i.plan_id from plan_item_document d join plan_item i on i.id = d.item_id join plan p on p.id = i.plan_id where d.number = '900/2018/NĐ-CP' and p.status <> 'draft'");
        var page = await app.GetPageAsync($"/plans/{plan}");
        Assert.Contains(page.QuerySelectorAll("[data-testid=illustrative]"), tag => tag.ParentElement!.TextContent.Contains("900/2018/NĐ-CP"));

        var (executedPlan, executedBy) = app.Scalar<string>("select plan_id || ' ' || executed_by from plan_item where executed_by is not null order by id limit 1")
            .Split(' ') is [var p, var n] ? (p, n) : throw new InvalidOperationException("the demo executes no plan item");
        var executed = await app.GetPageAsync($"/plans/{executedPlan}");
        Assert.Contains(executed.QuerySelectorAll("[data-testid=illustrative]"), tag => tag.ParentElement!.TextContent.Contains(executedBy));
    }
}
