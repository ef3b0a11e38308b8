using System.Text;
using Consult.Domain.Search;

namespace Consult.UnitTests.Search;

public class SearchTextTests
{
    [Fact]
    public void Folded_tokens_drop_marks_and_case_and_map_d_bar()
    {
        Assert.Equal(["dang", "ky", "kinh", "doanh", "ruou"], SearchText.Folded("Đăng ký KINH DOANH rượu"));
    }

    [Fact]
    public void Decomposed_input_is_composed_first_so_it_folds_like_precomposed()
    {
        var decomposed = "thuốc lá".Normalize(NormalizationForm.FormD);
        Assert.Equal(["thuoc", "la"], SearchText.Folded(decomposed));
        Assert.Equal(["thuốc", "lá"], SearchText.Tokens(decomposed, TokenForm.Accented));
    }

    [Fact]
    public void Accented_tokens_keep_marks_in_lower_case()
    {
        Assert.Equal(["thuốc", "lá", "thuộc", "là"], SearchText.Tokens("Thuốc lá thuộc LÀ", TokenForm.Accented));
    }

    [Fact]
    public void Pairs_join_neighbours_but_never_across_punctuation()
    {
        Assert.Equal(["ban le", "le ruou", "bia nuoc"], SearchText.Tokens("Bán lẻ rượu. Bia nước", TokenForm.Pairs));
        Assert.DoesNotContain("ruou bia", SearchText.Tokens("rượu, bia", TokenForm.Pairs));
        Assert.Contains("giay phep", SearchText.Tokens("giấy-phép", TokenForm.Pairs));
    }

    [Fact]
    public void Codes_and_numbers_stay_whole_syllables()
    {
        Assert.Equal(["1", "000106", "105", "2017", "nd", "cp"], SearchText.Folded("1.000106 105/2017/NĐ-CP"));
    }
}
