using Consult.Domain.Text;

namespace Consult.UnitTests.Text;

public class CitationTests
{
    private static string Token(string text) => Assert.Single(Citation.FindIn(text)).Citation.Token;

    [Theory]
    [InlineData("105/2017/NĐ-CP")]
    [InlineData("105/2017/nd-cp")]
    [InlineData("số 105/2017/NĐ-CP")]
    [InlineData("nghị định 105/2017/NĐ-CP")]
    [InlineData("Nghị định số 105/2017/NĐ-CP")]
    public void Whole_numbers_in_any_spelling_cite_by_key(string text) =>
        Assert.Equal("k:105/2017/ND-CP", Token(text));

    [Theory]
    [InlineData("105/2017", "y:105/2017")]
    [InlineData("nghị định 105/2017", "t:ND/105/2017")]
    [InlineData("nghi dinh 105/2017", "t:ND/105/2017")]
    [InlineData("NĐ 105", "n:ND/105")]
    [InlineData("nd105", "n:ND/105")]
    [InlineData("NĐ105/2017", "t:ND/105/2017")]
    [InlineData("thông tư 12/2019", "t:TT/12/2019")]
    [InlineData("quyết định 1977", "n:QD/1977")]
    [InlineData("luật 59/2020", "t:LUAT/59/2020")]
    [InlineData("Thông tư liên tịch số 01/2016", "t:TTLT/1/2016")]
    public void Partial_citations_cite_by_their_parts(string text, string token) =>
        Assert.Equal(token, Token(text));

    [Theory]
    [InlineData("105/2017/NĐ-CP", "y:105/2017")]
    [InlineData("105/2017/NĐ-CP", "t:ND/105/2017")]
    [InlineData("105/2017/NĐ-CP", "n:ND/105")]
    [InlineData("59/2020/QH14", "t:LUAT/59/2020")]
    [InlineData("176/2025/QH15", "t:NQ/176/2025")]
    [InlineData("01/2016/TTLT-BCT-BTC", "t:TTLT/1/2016")]
    [InlineData("1977/QĐ-TTg", "n:QD/1977")]
    [InlineData("QCVN 86:2019/BTTTT", "n:QCVN/86")]
    public void A_document_is_indexed_under_every_part_people_cite(string number, string token) =>
        Assert.Contains(token, Citation.IndexTokens(number));

    [Fact]
    public void Every_way_of_citing_a_document_finds_it()
    {
        var tokens = Citation.IndexTokens("105/2017/NĐ-CP");
        foreach (var text in new[] { "105/2017/ND-CP", "105/2017", "nghị định 105/2017", "NĐ 105", "nd105", "số 105/2017/NĐ-CP" })
        {
            Assert.Contains(Token(text), tokens);
        }
    }

    [Theory]
    [InlineData("ngày 12/5/2020")]
    [InlineData("điều 5 khoản 2")]
    [InlineData("105")]
    [InlineData("1.000106")]
    [InlineData("giấy phép bán buôn")]
    public void Dates_bare_numbers_articles_and_codes_are_not_citations(string text) =>
        Assert.Empty(Citation.FindIn(text));

    [Fact]
    public void Finds_where_each_citation_stands()
    {
        var found = Citation.FindIn("theo NĐ 105 và QCVN 86:2019/BTTTT");
        Assert.Equal(["NĐ 105", "QCVN 86:2019/BTTTT"], found.Select(f => f.Citation.Text));
        Assert.Equal(5, found[0].Index);
    }
}
