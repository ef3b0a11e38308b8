using Consult.Domain.Search;

namespace Consult.UnitTests.Search;

public class SearchQueryTests
{
    [Fact]
    public void Words_without_marks_become_quoted_folded_terms() =>
        Assert.Equal("\"giay\" \"phep\" \"ban\" \"buon\" \"ruou\"", SearchQuery.Parse("giay phep ban buon ruou").ToFtsExpression());

    [Fact]
    public void Words_with_marks_fold_the_same_and_are_remembered_for_ranking()
    {
        var query = SearchQuery.Parse("Giấy phép rượu");
        Assert.Equal("\"giay\" \"phep\" \"ruou\"", query.ToFtsExpression());
        Assert.Equal(["giấy", "phép", "rượu"], query.MarkedWords);
    }

    [Fact]
    public void Quoted_text_is_a_phrase() =>
        Assert.Equal("\"dieu kien\" \"kinh\"", SearchQuery.Parse("\"điều kiện\" kinh").ToFtsExpression());

    [Fact]
    public void A_star_on_the_last_word_is_a_prefix() =>
        Assert.Equal("\"giay\" \"ph\"*", SearchQuery.Parse("giấy ph*").ToFtsExpression());

    [Fact]
    public void A_star_elsewhere_or_on_one_letter_is_ignored() =>
        Assert.Equal("\"giay\" \"p\"", SearchQuery.Parse("giay* p*").ToFtsExpression());

    [Fact]
    public void Document_numbers_are_taken_out_of_the_words()
    {
        var query = SearchQuery.Parse("điều kiện 105/2017/nd-cp");
        Assert.Equal(["105/2017/nd-cp"], query.DocumentNumbers);
        Assert.Equal("\"dieu\" \"kien\"", query.ToFtsExpression());
    }

    [Fact]
    public void Procedure_codes_are_recognised_and_kept_as_a_phrase_fallback()
    {
        var query = SearchQuery.Parse("1.000106");
        Assert.Equal(["1.000106"], query.Codes);
        Assert.Equal("\"1 000106\"", query.ToFtsExpression());
    }

    [Fact]
    public void Stop_syllables_leave_and_queries_but_stay_in_phrases()
    {
        Assert.Equal("\"thu\" \"tuc\" \"dau\"", SearchQuery.Parse("thủ tục của đầu").ToFtsExpression());
        Assert.Equal("\"cua dau\"", SearchQuery.Parse("\"của đầu\"").ToFtsExpression());
        Assert.Equal("\"cua\"", SearchQuery.Parse("của").ToFtsExpression());
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("NEAR(")]
    [InlineData("')--")]
    [InlineData("a OR b NOT c")]
    [InlineData("\"unclosed phrase")]
    [InlineData("^col:x {a b}")]
    [InlineData("   ")]
    public void Hostile_text_never_yields_fts_syntax(string input)
    {
        var expression = SearchQuery.Parse(input).ToFtsExpression();
        // Every token is wrapped in quotes; outside quotes only spaces and a trailing * remain.
        var outside = System.Text.RegularExpressions.Regex.Replace(expression, "\"[^\"]*\"", "");
        Assert.Matches("^[ *]*$", outside);
    }

    [Fact]
    public void Very_long_input_is_cut() =>
        Assert.True(SearchQuery.Parse(new string('a', 10_000)).Text.Length <= 500);
}
