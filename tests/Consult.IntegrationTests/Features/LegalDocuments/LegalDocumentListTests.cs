using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.LegalDocuments;

[Collection(nameof(DemoCollection))]
public class LegalDocumentListTests(DemoApp app)
{
    private static int Total(AngleSharp.Html.Dom.IHtmlDocument html) =>
        int.Parse(html.QuerySelector("[data-testid=total]")!.TextContent.Split(' ')[0].Replace(".", "").Replace(",", ""));

    [Fact]
    public async Task The_public_list_filters_documents_by_type_issuer_and_year()
    {
        var all = await app.GetPageAsync("/legal-documents");
        var decrees = await app.GetPageAsync("/legal-documents?type=Decree");
        Assert.True(Total(decrees) > 0 && Total(decrees) < Total(all));
        Assert.All(decrees.QuerySelectorAll("tbody tr"), row => Assert.Equal("Nghị định", row.QuerySelectorAll("td")[1].TextContent));

        var assembly = await app.GetPageAsync("/legal-documents?issuer=" + Uri.EscapeDataString("Quốc hội") + "&year=2020");
        var numbers = assembly.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent).ToList();
        Assert.Contains("59/2020/QH14", numbers);
        Assert.All(numbers, n => Assert.EndsWith("/QH14", n));
    }

    [Fact]
    public async Task Odd_filters_are_ignored_and_every_row_links_to_a_page_that_opens()
    {
        var html = await app.GetPageAsync("/legal-documents?type=%E2%80%8B&issuer=x&year=abc&page=-3");
        Assert.Equal(0, Total(html));
        var list = await app.GetPageAsync("/legal-documents?page=999");
        var link = list.QuerySelector("tbody a")!.GetAttribute("href")!;
        Assert.Equal(200, (int)(await app.CreateClient().GetAsync(link)).StatusCode);
    }
}
