using Consult.Domain.History;

namespace Consult.UnitTests.History;

public class TextDiffTests
{
    private static string Render(IEnumerable<DiffPart> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Removed => $"[-{p.Text}]",
        DiffKind.Added => $"[+{p.Text}]",
        _ => p.Text,
    }));

    [Fact]
    public void A_changed_word_shows_as_removed_then_added()
    {
        var diff = TextDiff.Words("Thời hạn giải quyết 15 ngày làm việc", "Thời hạn giải quyết 10 ngày làm việc");
        Assert.Equal("Thời hạn giải quyết [-15 ][+10 ]ngày làm việc", Render(diff));
    }

    [Fact]
    public void Insertions_and_deletions_in_the_middle_keep_the_common_words()
    {
        var diff = TextDiff.Words("nộp hồ sơ trực tiếp tại Sở", "nộp hồ sơ trực tuyến hoặc trực tiếp tại Sở Công Thương");
        Assert.Equal("nộp hồ sơ trực [+tuyến hoặc trực ]tiếp tại [-Sở][+Sở Công Thương]", Render(diff));
    }

    [Fact]
    public void Joining_each_side_gives_the_texts_back()
    {
        const string before = "Bản  công bố\nhợp quy, giấy chứng nhận";
        const string after = "Bản công bố hợp quy\nvà giấy chứng nhận mới";
        var diff = TextDiff.Words(before, after);
        Assert.Equal(before, string.Concat(diff.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(diff.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void Equal_texts_are_one_unchanged_part() =>
        Assert.Equal([new DiffPart(DiffKind.Same, "không đổi")], TextDiff.Words("không đổi", "không đổi"));
}
