using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Search;

public class RankingTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task Exact_diacritic_matches_rank_above_folded_only_ones()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("YCDK-BCT-0001", "Điều kiện bàn giao hàng hóa", kind: "YCDK"),
            Row("YCDK-BCT-0002", "Điều kiện bán giao hàng hóa", kind: "YCDK")));

        Assert.Equal("YCDK-BCT-0001", (await app.SearchAsync("bàn giao")).Codes[0]);
        Assert.Equal("YCDK-BCT-0002", (await app.SearchAsync("bán giao")).Codes[0]);
        Assert.Equal(2, (await app.SearchAsync("ban giao")).Total);
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_only_match()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000001", "Thủ tục đăng ký kinh doanh", content: "Hồ sơ gồm giấy đề nghị và bản sao giấy tờ pháp lý về xăng dầu."),
            Row("1.000002", "Cấp Giấy chứng nhận cửa hàng xăng dầu", content: "Hồ sơ gồm giấy đề nghị.")));
        Assert.Equal(["1.000002", "1.000001"], (await app.SearchAsync("xăng dầu")).Codes);
    }
}
