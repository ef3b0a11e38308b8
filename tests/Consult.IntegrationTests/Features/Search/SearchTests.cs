using Consult.IntegrationTests.Support;

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

    [Theory]
    [InlineData("105/2017")]
    [InlineData("nghị định 105/2017")]
    [InlineData("NĐ 105")]
    [InlineData("nd105")]
    [InlineData("số 105/2017/NĐ-CP")]
    public async Task Partial_citations_find_the_documents_regulations_and_list_the_document(string citation)
    {
        var page = await app.SearchAsync(citation, ("pageSize", "100"));
        Assert.Equal(22, page.Total);
        var document = Assert.Single(page.Json.GetProperty("documents").EnumerateArray());
        Assert.Equal("105/2017/NĐ-CP", document.GetProperty("number").GetString());
        Assert.Equal("Decree", document.GetProperty("type").GetString());
        Assert.EndsWith("/legal-documents/" + document.GetProperty("url").GetString()!.Split('/')[^1], document.GetProperty("url").GetString());

        var html = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString(citation));
        var listed = html.QuerySelector("[data-testid=document] a")!;
        Assert.Contains("105/2017/NĐ-CP", listed.TextContent);
        Assert.Equal(200, (int)(await app.CreateClient().GetAsync(listed.GetAttribute("href"))).StatusCode);
    }

    [Fact]
    public async Task Searching_a_whole_number_lists_the_document_itself_above_its_regulations()
    {
        var html = await app.GetPageAsync("/search?q=" + Uri.EscapeDataString("105/2017/NĐ-CP"));
        var documents = html.QuerySelector("section.documents")!;
        var results = html.QuerySelector("ol.results")!;
        Assert.Contains("Nghị định số 105/2017/NĐ-CP", documents.TextContent);
        Assert.True(documents.CompareDocumentPosition(results).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task Naming_a_law_lists_it()
    {
        var page = await app.SearchAsync("luật doanh nghiệp");
        Assert.Contains(page.Json.GetProperty("documents").EnumerateArray(), d => d.GetProperty("number").GetString() == "59/2020/QH14");
    }

    [Fact]
    public async Task Tobacco_typed_either_way_ranks_tobacco_regulations_first_and_counts_exactly()
    {
        foreach (var q in new[] { "thuốc lá", "thuoc la" })
        {
            var page = await app.SearchAsync(q, ("pageSize", "10"));
            Assert.All(page.Json.GetProperty("items").EnumerateArray(), item =>
                Assert.Contains("thuoc la", Consult.Domain.Text.VietnameseFolding.Fold(item.GetProperty("title").GetString())));
        }
        var html = await app.GetPageAsync("/search?q=thuoc+la");
        Assert.DoesNotContain("Khoảng", html.QuerySelector("[data-testid=total]")!.TextContent);
    }

    [Fact]
    public async Task Cam_do_finds_the_pawnshop_condition_before_prohibitions()
    {
        foreach (var q in new[] { "cầm đồ", "cam do" })
        {
            Assert.Equal("YCDK-BCA-0001", (await app.SearchAsync(q)).Codes[0]);
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
    public async Task A_star_finds_the_beginning_of_the_last_word_in_names_first()
    {
        var prefix = await app.SearchAsync("giấy ph*", ("pageSize", "100"));
        Assert.True(prefix.Total >= 2);
        var title = prefix.Json.GetProperty("items")[0].GetProperty("title").GetString();
        var words = Consult.Domain.Search.SearchText.Folded(title);
        Assert.Contains("giay", words);
        Assert.Contains(words, w => w.StartsWith("ph"));
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
    [InlineData("title:ruou AND content:* OR \\ [a TO z] ~2 ^5 ?!&&||")]
    [InlineData("nd")]
    [InlineData("số")]
    [InlineData("99999/9999/ZZ-ZZ nd0 qcvn")]
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
