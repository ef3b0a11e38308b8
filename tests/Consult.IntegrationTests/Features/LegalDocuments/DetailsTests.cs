using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.LegalDocuments;

[Collection(nameof(DemoCollection))]
public class DetailsTests(DemoApp app)
{
    [Fact]
    public async Task A_legal_document_page_lists_its_regulations_with_their_status()
    {
        var regulation = await app.GetPageAsync("/regulations/1.000106");
        var link = regulation.QuerySelectorAll("section[aria-labelledby=basis-heading] a").First(a => a.TextContent == "105/2017/NĐ-CP").GetAttribute("href")!;
        var html = await app.GetPageAsync(link);
        Assert.Equal("Nghị định số 105/2017/NĐ-CP", html.QuerySelector("h1")!.TextContent);
        Assert.Contains("Nghị định về kinh doanh rượu", html.QuerySelector(".lead")!.TextContent);
        var rows = html.QuerySelectorAll("tbody tr");
        Assert.Equal(22, rows.Length);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector(".status-in_force, .status-draft, .status-repealed")));
    }
}
