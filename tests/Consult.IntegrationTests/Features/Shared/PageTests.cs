using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Shared;

[Collection(nameof(DemoCollection))]
public class PageTests(DemoApp app)
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

    [Fact]
    public async Task Vietnamese_letters_are_written_as_themselves_not_entities()
    {
        var body = await app.CreateClient().GetStringAsync("/search?q=rượu");
        Assert.Contains("Tra cứu quy định", body);
        var encodedLetters = System.Text.RegularExpressions.Regex.Matches(body, "&#x([0-9A-Fa-f]+);")
            .Select(m => (char)Convert.ToInt32(m.Groups[1].Value, 16)).Where(char.IsLetter);
        Assert.Empty(encodedLetters);
    }

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

    [Theory]
    [InlineData("/regulations/KHONG-CO")]
    [InlineData("/legal-documents/999999")]
    [InlineData("/agencies/XYZ")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Missing_things_answer_404_in_vietnamese(string url)
    {
        var html = await app.GetPageAsync(url, expectedStatus: 404);
        Assert.Equal("Không tìm thấy trang", html.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_search_csv_holds_every_result_with_a_header()
    {
        var response = await app.CreateClient().GetAsync("/search/csv?q=ruou&kind=TTHC");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,kind,title,agency,status,published,effective_date,url", lines[0]);
        var total = (await app.SearchAsync("ruou", ("kind", "TTHC"))).Total;
        Assert.Equal(total + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",TTHC,", l));
    }

    [Fact]
    public async Task Search_works_without_javascript_through_plain_links()
    {
        var html = await app.GetPageAsync("/search?q=giay+phep");
        Assert.Empty(html.QuerySelectorAll("script"));
        var next = html.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("page=2", next);
        var second = await app.GetPageAsync(next);
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")!.TextContent);
    }
}
