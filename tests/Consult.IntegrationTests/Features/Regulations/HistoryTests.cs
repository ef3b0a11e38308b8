using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Regulations;

public class HistoryTests
{
    [Fact]
    public async Task A_version_page_shows_the_words_an_edit_removed_and_added()
    {
        using var app = new ConsultApp();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu", content: "Thời hạn giải quyết 15 ngày làm việc.")));
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu", content: "Thời hạn giải quyết 10 ngày làm việc.")));

        var history = await app.GetPageAsync("/regulations/1.000106");
        Assert.NotNull(history.QuerySelector("a[href='/regulations/1.000106/versions/2']"));
        var page = await app.GetPageAsync("/regulations/1.000106/versions/2");
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=diff] tbody tr"));
        Assert.Equal("Nội dung", row.QuerySelector("th")!.TextContent);
        Assert.Equal("15 ", row.QuerySelector("del")!.TextContent);
        Assert.Equal("10 ", row.QuerySelector("ins")!.TextContent);
        await app.GetPageAsync("/regulations/1.000106/versions/3", expectedStatus: 404);
    }
}
