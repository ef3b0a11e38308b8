using Consult.IntegrationTests.Infrastructure;

namespace Consult.IntegrationTests.Features.Search;

[Collection(nameof(DemoCollection))]
public class SearchTests(DemoApp app)
{
    [Theory]
    [InlineData("giay phep ban buon ruou")]
    [InlineData("giấy phép bán buôn rượu")]
    [InlineData("GIAY PHEP BAN BUON RUOU")]
    public async Task Typing_with_or_without_marks_finds_the_wholesale_alcohol_licence_first(string q)
    {
        var page = await app.SearchAsync(q);
        Assert.Equal("1.000106", page.Codes[0]);
    }

    [Fact]
    public async Task Folding_makes_d_and_marks_match_both_ways()
    {
        var folded = await app.SearchAsync("dieu kien ban buon ruou");
        var marked = await app.SearchAsync("Điều kiện bán buôn rượu");
        Assert.NotEqual(0, folded.Total);
        Assert.Equal(folded.Total, marked.Total);
        Assert.Contains("YCDK-BCT-0002", folded.Codes);
    }

    [Theory]
    [InlineData("105/2017/NĐ-CP")]
    [InlineData("105/2017/ND-CP")]
    [InlineData("105/2017/nd-cp")]
    public async Task Document_numbers_in_any_spelling_find_the_regulations_based_on_that_document(string number)
    {
        var page = await app.SearchAsync(number, ("pageSize", "100"));
        Assert.Equal(22, page.Total);
        foreach (var code in page.Codes.Take(5))
        {
            var record = await app.GetJsonAsync($"/api/v1/regulations/{code}");
            Assert.Contains(record.GetProperty("legalBasis").EnumerateArray(), b => b.GetProperty("number").GetString() == "105/2017/NĐ-CP");
        }
    }

    [Fact]
    public async Task A_document_number_with_words_narrows_to_that_document()
    {
        var page = await app.SearchAsync("bán lẻ 105/2017/NĐ-CP", ("pageSize", "100"));
        Assert.NotEmpty(page.Codes);
        Assert.True(page.Total < 22);
        Assert.All(page.Json.GetProperty("items").EnumerateArray(), i => Assert.Equal("BCT", i.GetProperty("agency").GetString()));
    }

    [Fact]
    public async Task An_unknown_document_number_says_so_and_finds_nothing()
    {
        var html = await app.GetPageAsync("/search?q=999/2099/NĐ-CP");
        Assert.Contains("Chưa có văn bản số", html.QuerySelector(".notice")!.TextContent);
        Assert.Empty(html.QuerySelectorAll(".result"));
    }

    [Fact]
    public async Task A_procedure_code_finds_that_procedure_first()
    {
        var page = await app.SearchAsync("1.000106");
        Assert.Equal("1.000106", page.Codes[0]);
        var withWords = await app.SearchAsync("rượu 1.000106");
        Assert.Equal("1.000106", withWords.Codes[0]);
    }

    [Fact]
    public async Task A_quoted_phrase_matches_words_in_order_only()
    {
        var phrase = await app.SearchAsync("\"bán lẻ rượu\"", ("pageSize", "100"));
        var words = await app.SearchAsync("bán lẻ rượu", ("pageSize", "100"));
        Assert.NotEmpty(phrase.Codes);
        Assert.True(phrase.Total < words.Total);
        Assert.Subset(words.Codes.ToHashSet(), phrase.Codes.ToHashSet());
    }

    [Fact]
    public async Task A_star_finds_names_by_the_beginning_of_their_last_word()
    {
        var prefix = await app.SearchAsync("giấy ph*", ("pageSize", "100"));
        Assert.True(prefix.Total >= 2);
        Assert.All(prefix.Json.GetProperty("items").EnumerateArray(), item =>
        {
            var words = Consult.Domain.Text.Tokenizer.Tokens(Consult.Domain.Text.VietnameseFolding.Fold(item.GetProperty("title").GetString()));
            Assert.Contains("giay", words);
            Assert.Contains(words, w => w.StartsWith("ph"));
        });
        var html = await app.GetPageAsync("/search?q=gi%E1%BA%A5y+ph*");
        Assert.Contains(html.QuerySelectorAll(".notice"), n => n.TextContent.Contains("chỉ tìm trong tên quy định"));
    }

    [Fact]
    public async Task Filters_narrow_results_and_every_hit_satisfies_them()
    {
        var page = await app.SearchAsync("giấy phép", ("kind", "TTHC"), ("agency", "BYT"), ("status", "in_force"), ("published", "true"), ("pageSize", "100"));
        Assert.NotEmpty(page.Codes);
        foreach (var item in page.Json.GetProperty("items").EnumerateArray())
        {
            Assert.Equal("TTHC", item.GetProperty("kind").GetString());
            Assert.Equal("BYT", item.GetProperty("agency").GetString());
            Assert.Equal("in_force", item.GetProperty("status").GetString());
            Assert.True(item.GetProperty("published").GetBoolean());
        }
    }

    [Fact]
    public async Task Facet_counts_add_up_to_the_total_and_match_the_filtered_totals()
    {
        var html = await app.GetPageAsync("/search?q=giay+phep");
        var total = int.Parse(html.QuerySelector("[data-testid=total]")!.TextContent.Trim().Split(' ')[0].Replace(".", "").Replace(",", ""));
        var kindCounts = html.QuerySelectorAll(".facet")[0].QuerySelectorAll(".count").Select(c => int.Parse(c.TextContent.Replace(".", "").Replace(",", ""))).ToList();
        Assert.Equal(total, kindCounts.Sum());

        var tthc = await app.SearchAsync("giay phep", ("kind", "TTHC"));
        Assert.Equal(kindCounts[0], tthc.Total);
    }

    [Fact]
    public async Task A_sector_facet_link_filters_by_sector()
    {
        var html = await app.GetPageAsync("/search?q=ruou");
        var sectorLink = html.QuerySelectorAll(".facet").Single(f => f.QuerySelector("h3")!.TextContent == "Lĩnh vực").QuerySelector("a")!;
        var expected = int.Parse(sectorLink.QuerySelector(".count")!.TextContent.Replace(".", "").Replace(",", ""));
        var filtered = await app.GetPageAsync(sectorLink.GetAttribute("href")!);
        Assert.StartsWith(expected.ToString(), filtered.QuerySelector("[data-testid=total]")!.TextContent.Trim().Replace(".", ""));
        Assert.NotNull(filtered.QuerySelector(".facet a.selected"));
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_cover_every_result()
    {
        var all = await app.SearchAsync("điều kiện", ("pageSize", "100"));
        var first = await app.SearchAsync("điều kiện", ("pageSize", "10"), ("page", "1"));
        var second = await app.SearchAsync("điều kiện", ("pageSize", "10"), ("page", "2"));
        Assert.Equal(10, first.Codes.Count);
        Assert.Empty(first.Codes.Intersect(second.Codes));
        Assert.Equal(all.Codes.Take(20), first.Codes.Concat(second.Codes));
    }

    [Fact]
    public async Task Newest_first_orders_by_effective_date()
    {
        var page = await app.SearchAsync("giấy phép", ("sort", "newest"), ("pageSize", "50"));
        var dates = new List<string>();
        foreach (var code in page.Codes.Take(8))
        {
            dates.Add((await app.GetJsonAsync($"/api/v1/regulations/{code}")).GetProperty("effectiveDate").GetString() ?? "");
        }
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Browsing_by_filters_alone_lists_the_newest_first_and_counts_all()
    {
        var page = await app.SearchAsync(null, ("kind", "TTHC"), ("status", "in_force"), ("pageSize", "100"));
        var home = await app.GetPageAsync("/");
        var card = home.QuerySelectorAll(".kind-cards a").First(a => a.GetAttribute("href")!.Contains("kind=TTHC"));
        Assert.Equal(card.QuerySelector(".big")!.TextContent.Replace(".", "").Replace(",", ""), page.Total.ToString());
        var dates = new List<string>();
        foreach (var code in page.Codes.Take(6))
        {
            dates.Add((await app.GetJsonAsync($"/api/v1/regulations/{code}")).GetProperty("effectiveDate").GetString() ?? "");
        }
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Matches_are_highlighted_in_title_and_snippet_with_their_marks()
    {
        var html = await app.GetPageAsync("/search?q=giay+phep+ban+buon+ruou");
        var marks = html.QuerySelector(".result")!.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
        Assert.Contains("Giấy", marks);
        Assert.Contains("rượu", marks);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("NEAR(")]
    [InlineData("')--")]
    [InlineData("a OR b NOT c")]
    [InlineData("\"unclosed")]
    [InlineData("^title:x {a b} (c)")]
    [InlineData("%_\\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\uD800")]
    [InlineData("1.")]
    [InlineData("105/")]
    public async Task Hostile_text_returns_a_page_never_an_error(string q)
    {
        var html = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        Assert.NotNull(html.QuerySelector("[data-testid=total]"));
        Assert.Null(html.QuerySelector("script"));
        await app.SearchAsync(q);
    }

    [Theory]
    [InlineData("page=-5")]
    [InlineData("page=abc")]
    [InlineData("page=99999")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=100000")]
    [InlineData("kind=LUAT")]
    [InlineData("agency=XYZ")]
    [InlineData("sector=abc")]
    [InlineData("published=maybe")]
    [InlineData("sort=random")]
    public async Task Odd_parameters_are_read_leniently(string parameters)
    {
        var html = await app.GetPageAsync("/search?q=giay+phep&" + parameters);
        Assert.NotNull(html.QuerySelector("[data-testid=total]"));
    }
}
