using Consult.IntegrationTests.Support;
using Consult.Web.Features.About;
using Consult.Web.Features.Regulations;

namespace Consult.IntegrationTests.Features.About;

/// <summary>The notices every page links to (privacy, terms, open data) and the owner every page names.</summary>
[Collection(nameof(DemoCollection))]
public class NoticesTests(DemoApp app)
{
    [Fact]
    public async Task Every_page_names_its_owner_and_links_the_notices_and_a_printed_page_says_where_and_when()
    {
        var home = await app.GetPageAsync("/");
        Assert.Contains("lienhe@example.vn", home.QuerySelector("[data-testid=owner]")!.TextContent);
        foreach (var notice in new[] { AboutLinks.Privacy, AboutLinks.Terms, AboutLinks.OpenData })
        {
            Assert.NotNull(home.QuerySelector($"footer a[href='{notice}']"));
            var page = await app.GetPageAsync(notice);
            Assert.Contains("lienhe@example.vn", page.QuerySelector("main")!.TextContent);
        }
        Assert.Contains("13/2023/NĐ-CP", (await app.GetPageAsync(AboutLinks.Privacy)).QuerySelector("main")!.TextContent);
        Assert.Contains("CC BY 4.0", (await app.GetPageAsync(AboutLinks.OpenData)).QuerySelector("main")!.TextContent);

        var printed = (await app.GetPageAsync(RegulationLinks.Details("1.000106"))).QuerySelector("[data-testid=printed-from]")!.TextContent;
        Assert.Contains("Cổng tham vấn và tra cứu quy định kinh doanh", printed);
        Assert.Contains("http://localhost/regulations/1.000106", printed);
        Assert.Matches(@"in ngày \d{2}/\d{2}/\d{4}", printed);
    }
}
