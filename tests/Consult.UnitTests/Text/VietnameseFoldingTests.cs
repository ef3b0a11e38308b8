using Consult.Domain.Text;

namespace Consult.UnitTests.Text;

public class VietnameseFoldingTests
{
    [Theory]
    [InlineData("Điều kiện", "dieu kien")]
    [InlineData("đăng ký", "dang ky")]
    [InlineData("GIẤY PHÉP BÁN BUÔN RƯỢU", "giay phep ban buon ruou")]
    [InlineData("Hà Nội", "ha noi")]
    [InlineData("Quốc hội", "quoc hoi")]
    [InlineData("ưu đãi", "uu dai")]
    [InlineData("105/2017/NĐ-CP", "105/2017/nd-cp")]
    public void Folds_marks_and_d_and_case(string text, string expected) =>
        Assert.Equal(expected, VietnameseFolding.Fold(text));

    [Fact]
    public void Keeps_every_offset_so_snippets_map_back_to_the_original()
    {
        var original = VietnameseFolding.Compose("Thủ tục cấp Giấy phép bán buôn rượu");
        var folded = VietnameseFolding.Fold(original);
        Assert.Equal(original.Length, folded.Length);
        var at = folded.IndexOf("giay phep", StringComparison.Ordinal);
        Assert.Equal("Giấy phép", original.Substring(at, "giay phep".Length));
    }

    [Fact]
    public void Decomposed_input_is_composed_before_folding()
    {
        var decomposed = "Nghị định".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("nghi dinh", VietnameseFolding.Fold(VietnameseFolding.Compose(decomposed)));
    }

    [Fact]
    public void Tokenizes_on_letters_and_digits_only()
    {
        Assert.Equal(["1", "000106", "thu", "tuc"], Tokenizer.Tokens("1.000106 — thu-tuc"));
    }

    [Theory]
    [InlineData("a\uD800b")]
    [InlineData("\uFFFE\uFFFF")]
    [InlineData("\uDC00")]
    public void Broken_unicode_is_composed_without_throwing(string text) =>
        Assert.Equal(text.Length, VietnameseFolding.Fold(VietnameseFolding.Compose(text)).Length);
}
