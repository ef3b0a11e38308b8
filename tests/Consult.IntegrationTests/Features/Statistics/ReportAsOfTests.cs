using System.Net;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Statistics;

/// <summary>Reports as of a date: Phụ lục 1 (III) reads the registry as it stood at the end of the day asked for.</summary>
public class ReportAsOfTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-03-02T09:00");
        await _app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("1.000107", "Cấp Giấy phép sản xuất rượu thủ công", published: "false"),
            Row("KTCN-BCT-0001", "Kiểm tra chất lượng rượu nhập khẩu", kind: "KTCN", products: "2208.30:Rượu whisky;2208.40:Rượu rum")));
        _app.Clock.Set("2026-04-01T09:00");
        await _app.ImportAsync(File(Row("1.000107", "Cấp Giấy phép sản xuất rượu thủ công")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Published, string Unpublished, string Heading)> TotalsAsync(string asOf)
    {
        var page = await _app.GetPageAsync($"/reports/published?asOf={asOf}");
        var total = page.QuerySelector("[data-testid=total]")!;
        return (total.QuerySelector("[data-testid=published]")!.TextContent, total.QuerySelector("[data-testid=unpublished]")!.TextContent,
            page.QuerySelector("[data-testid=report-period]")!.TextContent);
    }

    [Fact]
    public async Task The_publication_table_counts_each_day_as_it_was_with_a_KTCN_by_its_products()
    {
        var march = await TotalsAsync("15/03/2026");
        Assert.Equal(("3", "1"), (march.Published, march.Unpublished)); // 1 TTHC + a KTCN of 2 products; 1 unpublished
        Assert.Contains("15/03/2026", march.Heading);
        Assert.Equal(("4", "0"), ((await TotalsAsync("2026-04-01")).Published, (await TotalsAsync("2026-04-01")).Unpublished));
        Assert.Equal(("0", "0"), ((await TotalsAsync("01/01/2026")).Published, (await TotalsAsync("01/01/2026")).Unpublished));

        var csv = await _app.CreateClient().GetStringAsync("/reports/published?format=csv&asOf=2026-03-15");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-03-15,TONG,", lines[^1]);
        Assert.EndsWith(",3,1", lines[^1]);
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_answered_400_in_Vietnamese()
    {
        var response = await _app.CreateClient().GetAsync("/reports/published?asOf=31/02/2026");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không hợp lệ", await response.Content.ReadAsStringAsync());
        var range = await _app.CreateClient().GetAsync("/reports/executed-cuts?from=01/07/2022&to=01/01/2021");
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Contains("Ngày bắt đầu phải trước ngày kết thúc", await range.Content.ReadAsStringAsync());
    }
}
