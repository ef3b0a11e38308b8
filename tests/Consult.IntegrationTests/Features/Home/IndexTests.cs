using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Home;

[Collection(nameof(DemoCollection))]
public class IndexTests(DemoApp app)
{
    [Fact]
    public async Task Home_has_a_labelled_search_box_counts_by_kind_and_newest_regulations()
    {
        var html = await app.GetPageAsync("/");
        Assert.Equal("vi", html.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(html.QuerySelector("label[for=q]"));
        Assert.NotNull(html.QuerySelector("main#main"));
        var cards = html.QuerySelectorAll(".kind-cards li").Select(c => c.TextContent).ToList();
        Assert.Equal(6, cards.Count);
        Assert.Contains(cards, c => c.Contains("Kiểm tra chuyên ngành") && c.Contains("sản phẩm, hàng hóa"));
        Assert.Equal(8, html.QuerySelectorAll(".result").Length);
        Assert.Contains("Bộ Công Thương", html.QuerySelector("[data-testid=open-consultations]")!.TextContent);
    }
}
