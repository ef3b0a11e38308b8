using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Agencies;

[Collection(nameof(DemoCollection))]
public class AgencyProfileTests(DemoApp app)
{
    [Fact]
    public async Task The_agency_page_groups_its_regulations_by_kind()
    {
        var html = await app.GetPageAsync("/agencies/BCT");
        Assert.Equal("Bộ Công Thương", html.QuerySelector("h1")!.TextContent);
        var headings = html.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(headings, h => h.StartsWith("Thủ tục hành chính"));
        Assert.Contains(headings, h => h.StartsWith("Kiểm tra chuyên ngành"));
        var agencies = await app.GetPageAsync("/agencies");
        Assert.Contains(agencies.QuerySelectorAll("tbody th a"), a => a.TextContent == "Bộ Công Thương");
    }
}
