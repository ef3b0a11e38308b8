using Consult.Domain.Search;

namespace Consult.UnitTests.Search;

public class SearchQueryTests
{
    private static IEnumerable<string> Folded(SearchQuery q) => q.Words.Select(w => w.Folded);

    [Fact]
    public void Every_syllable_typed_without_marks_is_a_folded_word_with_its_neighbours_as_pairs()
    {
        var query = SearchQuery.Parse("giay phep ban buon ruou");
        Assert.Equal(["giay", "phep", "ban", "buon", "ruou"], Folded(query));
        Assert.All(query.Words, w => Assert.Null(w.Accented));
        Assert.Equal(["giay phep", "phep ban", "ban buon", "buon ruou"], query.Pairs);
    }

    [Fact]
    public void Words_with_marks_fold_the_same_and_keep_the_marks_for_ranking()
    {
        var query = SearchQuery.Parse("Giấy phép rượu");
        Assert.Equal(["giay", "phep", "ruou"], Folded(query));
        Assert.Equal(["giấy", "phép", "rượu"], query.Words.Select(w => w.Accented));
    }

    [Fact]
    public void Common_syllables_stay_required_so_thuoc_la_keeps_both()
    {
        var query = SearchQuery.Parse("thuốc lá");
        Assert.Equal(["thuoc", "la"], Folded(query));
        Assert.Equal(["thuoc la"], query.Pairs);
    }

    [Fact]
    public void Quoted_text_is_a_phrase_whose_words_also_count()
    {
        var query = SearchQuery.Parse("\"điều kiện\" kinh");
        Assert.Equal([["dieu", "kien"]], query.Phrases);
        Assert.Equal(["dieu", "kien", "kinh"], Folded(query));
    }

    [Fact]
    public void A_star_on_the_last_word_is_a_prefix()
    {
        var query = SearchQuery.Parse("giấy ph*");
        Assert.Equal("ph", query.Prefix);
        Assert.Equal(["giay"], Folded(query));
        Assert.Equal("giay ph", query.PrefixPair);
    }

    [Fact]
    public void A_star_elsewhere_or_on_one_letter_is_ignored()
    {
        var query = SearchQuery.Parse("giay* p*");
        Assert.Null(query.Prefix);
        Assert.Equal(["giay", "p"], Folded(query));
    }

    [Fact]
    public void Citations_are_taken_out_of_the_words_and_break_pairs()
    {
        var query = SearchQuery.Parse("bán 105/2017/nd-cp lẻ");
        Assert.Equal(["105/2017/ND-CP"], query.Citations.Select(c => c.Key));
        Assert.Equal(["ban", "le"], Folded(query));
        Assert.Empty(query.Pairs);
    }

    [Fact]
    public void Procedure_codes_are_recognised_apart_from_words()
    {
        var query = SearchQuery.Parse("rượu 1.000106");
        Assert.Equal(["1.000106"], query.Codes);
        Assert.Equal(["ruou"], Folded(query));
    }

    [Theory]
    [InlineData("luật doanh nghiệp", true)]
    [InlineData("nghi dinh ve ruou", true)]
    [InlineData("giấy phép bán buôn", false)]
    public void Knows_when_words_name_a_kind_of_legal_document(string text, bool names) =>
        Assert.Equal(names, SearchQuery.Parse(text).NamesDocumentType);

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("NEAR(")]
    [InlineData("')--")]
    [InlineData("a OR b NOT c")]
    [InlineData("\"unclosed phrase")]
    [InlineData("^title:x {a b} [c TO d] ~2 \\")]
    [InlineData("   ")]
    [InlineData("\uD800")]
    public void Hostile_text_becomes_plain_folded_syllables(string input)
    {
        var query = SearchQuery.Parse(input);
        Assert.All(query.Words, w => Assert.Matches(@"^[\p{L}\p{N}]+$", w.Folded));
        Assert.All(query.Pairs, p => Assert.Matches(@"^[\p{L}\p{N}]+ [\p{L}\p{N}]+$", p));
    }

    [Fact]
    public void Very_long_input_is_cut()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("abc", 5_000)));
        Assert.True(query.Text.Length <= 500);
        Assert.Equal(SearchQuery.MaxWords, query.Words.Count);
    }
}
