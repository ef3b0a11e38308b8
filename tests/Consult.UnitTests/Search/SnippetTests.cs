using Consult.Domain.Search;

namespace Consult.UnitTests.Search;

public class SnippetTests
{
    [Fact]
    public void Marks_folded_matches_in_the_original_text()
    {
        var parts = Snippet.Build("Thương nhân phải có Giấy phép bán buôn rượu do Bộ Công Thương cấp.", ["giay", "phep", "ruou"]);
        Assert.Equal(["Giấy", "phép", "rượu"], parts.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.Equal("Thương nhân phải có Giấy phép bán buôn rượu do Bộ Công Thương cấp.", string.Concat(parts.Select(p => p.Text)));
    }

    [Fact]
    public void Prefixes_match_the_start_of_words()
    {
        var parts = Snippet.Build("Hồ sơ đề nghị cấp phép", ["ph*"]);
        Assert.Equal(["phép"], parts.Where(p => p.IsMatch).Select(p => p.Text));
    }

    [Fact]
    public void Long_texts_are_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("nội dung", 200)) + " kiểm tra chuyên ngành " + string.Join(' ', Enumerable.Repeat("khác", 200));
        var parts = Snippet.Build(text, ["chuyen"]);
        var joined = string.Concat(parts.Select(p => p.Text));
        Assert.StartsWith("… ", joined);
        Assert.EndsWith(" …", joined);
        Assert.Contains("chuyên", joined);
        Assert.True(joined.Length < 300);
    }
}
