using System.Text;
using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Search;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Search;

/// <summary>What the Lucene engine must do that a capped engine could not: rank every match and count it exactly.</summary>
public class EngineTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task An_old_exact_title_answer_ranks_first_among_many_newer_matches_with_the_exact_total()
    {
        var app = portal.Fresh();
        var rows = new List<string>
        {
            Row("1.000001", "Cấp Giấy phép kinh doanh khí dầu mỏ hóa lỏng", effective: "2001-03-01",
                content: "Thương nhân xuất khẩu, nhập khẩu khí dầu mỏ hóa lỏng nộp hồ sơ."),
        };
        // Newer regulations that contain every syllable of the query, scattered.
        for (var i = 0; i < 1_600; i++)
        {
            rows.Add(Row($"YCDK-BCT-{i + 1:0000}", $"Điều kiện số {i + 1} về an toàn hóa chất", kind: "YCDK", effective: "2024-01-01",
                content: "Giấy tờ chứng minh đủ điều kiện; được phép lưu kho; kinh phí, doanh thu; khí thải; dầu nhờn; mỏ đá; hóa đơn; chất lỏng."));
        }
        Assert.True((await app.ImportAsync(File([.. rows]))).Succeeded);

        var page = await app.SearchAsync("giấy phép kinh doanh khí dầu mỏ hóa lỏng");
        Assert.Equal(1_601, page.Total);
        Assert.Equal("1.000001", page.Codes[0]);
        Assert.Equal(1_601, (await app.SearchAsync("giay phep kinh doanh khi dau mo hoa long")).Total);
    }

    [Fact]
    public async Task Adjacent_syllables_rank_above_the_same_syllables_apart()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000001", "Cấp phép lưu hành thuốc thú y", content: "Thuốc là hàng hóa kinh doanh có điều kiện; lá đơn đề nghị."),
            Row("1.000002", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", effective: "2010-01-01")));
        Assert.Equal(["1.000002", "1.000001"], (await app.SearchAsync("thuoc la")).Codes);
        Assert.Equal(["1.000002", "1.000001"], (await app.SearchAsync("thuốc lá")).Codes);
    }

    [Fact]
    public async Task A_prefix_matches_words_in_the_body_too()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000001", "Cấp phép hoạt động", content: "Áp dụng cho doanh nghiệp logistics và kho ngoại quan."),
            Row("1.000002", "Đăng ký kho hàng", content: "Nội dung khác.")));
        Assert.Equal(["1.000001"], (await app.SearchAsync("logis*")).Codes);
        Assert.Equal(["1.000001"], (await app.SearchAsync("kho ngoại qu*")).Codes);
    }

    [Fact]
    public async Task A_known_code_comes_first_and_other_matches_follow()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000001", "Cấp Giấy phép bán lẻ rượu"),
            Row("1.000002", "Cấp Giấy phép sản xuất rượu thủ công"),
            Row("2.000003", "Đăng ký kinh doanh")));
        var page = await app.SearchAsync("rượu 2.000003");
        Assert.Equal("2.000003", page.Codes[0]);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Filters_by_effective_dates_and_document_type()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(
            Row("1.000001", "Cấp phép một", effective: "2018-05-01", basis: "105/2017/NĐ-CP#Điều 5"),
            Row("1.000002", "Cấp phép hai", effective: "2021-05-01", basis: "12/2019/TT-BCT"),
            Row("1.000003", "Cấp phép ba", effective: "", basis: "12/2019/TT-BCT")));
        Assert.Equal(["1.000002"], (await app.SearchAsync("cấp phép", ("from", "01/01/2020"))).Codes);
        Assert.Equal(["1.000001"], (await app.SearchAsync("cấp phép", ("to", "2019-12-31"))).Codes);
        Assert.Equal(["1.000001"], (await app.SearchAsync("cấp phép", ("docType", "Decree"))).Codes);
        Assert.Equal(2, (await app.SearchAsync("cấp phép", ("docType", "circular"))).Total);
        var html = await app.GetPageAsync("/search?q=c%E1%BA%A5p+ph%C3%A9p&from=bad");
        Assert.Contains(html.QuerySelectorAll(".notice"), n => n.TextContent.Contains("hiệu lực từ ngày"));
    }

    [Fact]
    public async Task A_save_becomes_searchable_by_the_background_indexer_alone()
    {
        var app = portal.Fresh();
        var index = app.Services.GetRequiredService<SearchIndex>();
        using (var scope = app.Services.CreateScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            var report = await Consult.Web.Features.Import.ImportRegulations.FromCsvAsync(mediator, new Consult.Web.Features.Import.ImportOptions(),
                new MemoryStream(Encoding.UTF8.GetBytes(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")))), "test");
            Assert.True(report.Succeeded);
        }
        var saved = app.Scalar<long>("select change_seq from registry_state");
        // Nobody calls CatchUp here: the indexer's own polling must get there (how soon is measured by the benchmarks).
        await Eventually.HoldsAsync(() => index.IndexedSeq >= saved, "the save is indexed");
        var client = app.CreateClient();
        var json = await client.GetStringAsync("/api/v1/regulations?q=ruou");
        Assert.Contains("1.000106", json);
    }
}
