using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Regulations;

[Collection(nameof(DemoCollection))]
public class DetailsTests(DemoApp app)
{
    [Fact]
    public async Task A_regulation_page_shows_requirements_basis_products_related_and_history()
    {
        var html = await app.GetPageAsync("/regulations/KTCN-BCT-0001");
        Assert.Equal("Kiểm tra nhà nước về chất lượng, an toàn thực phẩm đối với rượu nhập khẩu", html.QuerySelector("h1")!.TextContent);
        Assert.Contains("Bộ Công Thương", html.QuerySelector(".facts")!.TextContent);
        var products = html.QuerySelectorAll("section[aria-labelledby=products-heading] tbody tr");
        Assert.Equal(12, products.Length);
        Assert.Contains("2208.30", products.Select(p => p.TextContent).First(t => t.Contains("whisky")));
        var basis = html.QuerySelector("section[aria-labelledby=basis-heading]")!.TextContent;
        Assert.Contains("105/2017/NĐ-CP", basis);
        Assert.Contains("Nghị định", basis);
        Assert.NotEmpty(html.QuerySelectorAll(".related li"));
        Assert.Contains("Tạo mới", html.QuerySelector("section[aria-labelledby=history-heading]")!.TextContent);
    }

    [Fact]
    public async Task A_procedure_page_shows_time_fees_body_and_dossier()
    {
        var html = await app.GetPageAsync("/regulations/1.000106");
        var details = html.QuerySelector("section[aria-labelledby=details-heading]")!.TextContent;
        Assert.Contains("Thời hạn giải quyết", details);
        Assert.Contains("15 ngày làm việc", details);
        Assert.Contains("Phí, lệ phí", details);
        Assert.Contains("Thành phần hồ sơ", details);
        Assert.Contains("Sở Công Thương", details);
    }
}
