using System.Text;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Import;
using Consult.Web.Infrastructure.Cli;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Import;

public class ImportTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task A_good_file_creates_regulations_that_search_finds_at_once()
    {
        var app = portal.Fresh();
        var report = await app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("KTCN-BCT-0001", "Kiểm tra chất lượng rượu nhập khẩu", kind: "KTCN", products: "2208.30:Rượu whisky;2204:Rượu vang"),
            Row("CAM-BCT-0001", "Cấm bán rượu cho người chưa đủ 18 tuổi", kind: "CẤM", basis: "105/2017/NĐ-CP#Điều 16;59/2020/QH14")));

        Assert.Equal(new ImportReport(3, 0, 0, []), report);
        Assert.Equal("1.000106", (await app.SearchAsync("giay phep ban buon ruou")).Codes[0]);
        Assert.Equal(2, app.Scalar<int>("select count(*) from regulation_product"));
        Assert.Equal("Law", app.Scalar<string>("select doc_type from legal_document where number = '59/2020/QH14'"));
        Assert.Equal(2, app.Scalar<int>("select count(*) from legal_document"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_rejected_whole_with_a_message_per_row_and_nothing_written()
    {
        var app = portal.Fresh();
        var report = await app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("1.000107", "Thủ tục thiếu văn bản", basis: ""),
            Row("1.000108", "Thủ tục của cơ quan lạ", agency: "XYZ"),
            Row("1.000106", "Mã trùng"),
            Row("1.000109", "Sai loại", kind: "LUAT")));

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.StartsWith("Dòng 3: Cột legal_basis"));
        Assert.Contains(report.Errors, e => e.StartsWith("Dòng 4: Cột agency") && e.Contains("XYZ"));
        Assert.Contains(report.Errors, e => e.StartsWith("Dòng 5: Cột code") && e.Contains("dòng 2"));
        Assert.Contains(report.Errors, e => e.StartsWith("Dòng 6: Cột kind"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from regulation"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from legal_document"));
        Assert.Equal(0, (await app.SearchAsync("giay phep")).Total);
    }

    [Theory]
    [InlineData("code,kind,title\n1,TTHC,x\n", "thiếu cột")]
    [InlineData(Header + ",colour\n", "không được hỗ trợ")]
    [InlineData(Header + "\n", "không có dòng dữ liệu")]
    [InlineData("", "Tệp trống")]
    [InlineData(Header + "\n1.000106,TTHC,\"chưa đóng ngoặc,BCT\n", "thiếu dấu ngoặc kép đóng")]
    public async Task A_malformed_file_is_explained_in_vietnamese(string csv, string expected)
    {
        var app = portal.Fresh();
        var report = await app.ImportAsync(csv);
        Assert.Contains(report.Errors, e => e.Contains(expected));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        var app = portal.Fresh();
        var latin1 = Encoding.Latin1.GetBytes(File(Row("1.000106", "Giấy phép cấp đổi")).Replace("ấ", "\u00e2"));
        var report = await app.ImportAsync(latin1);
        Assert.Equal(["Tệp không phải văn bản UTF-8."], report.Errors);
    }

    [Fact]
    public async Task Re_importing_a_changed_row_makes_a_new_version_and_the_search_follows()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var report = await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn thuốc lá", sectors: "Thuốc lá")));

        Assert.Equal(new ImportReport(0, 1, 0, []), report);
        Assert.Equal(2, app.Scalar<int>("select version from regulation where code = '1.000106'"));
        Assert.Equal(0, (await app.SearchAsync("ruou")).Total);
        Assert.Equal(["1.000106"], (await app.SearchAsync("thuoc la")).Codes);
        var history = (await app.GetPageAsync("/regulations/1.000106")).QuerySelector("section[aria-labelledby=history-heading] tbody tr")!.TextContent;
        Assert.Contains("Tên", history);
        Assert.Contains("Lĩnh vực", history);
        var facet = await app.GetPageAsync("/search?q=thuoc+la");
        Assert.Contains("Thuốc lá", facet.QuerySelectorAll(".facet").Last().TextContent);
    }

    [Fact]
    public async Task Re_importing_an_identical_row_changes_nothing()
    {
        var app = portal.Fresh();
        var file = File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"));
        await app.ImportAsync(file);
        Assert.Equal(new ImportReport(0, 0, 1, []), await app.ImportAsync(file));
        Assert.Equal(1, app.Scalar<int>("select count(*) from regulation_version"));
    }

    [Fact]
    public async Task The_import_command_reports_and_exits_with_a_status()
    {
        var app = portal.Fresh();
        var services = app.Services;
        var good = Path.Combine(app.DataDirectory, "good.csv");
        var bad = Path.Combine(app.DataDirectory, "bad.csv");
        await System.IO.File.WriteAllTextAsync(good, File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await System.IO.File.WriteAllTextAsync(bad, File(Row("1.000107", "Sai", status: "active")));

        var output = new StringWriter();
        Assert.Equal(0, await Commands.RunAsync(services, ["import", "regulations", good], output));
        Assert.Contains("1 mới", output.ToString());

        output = new StringWriter();
        Assert.Equal(1, await Commands.RunAsync(services, ["import", "regulations", bad], output));
        Assert.Contains("Dòng 2: Cột status", output.ToString());
        Assert.Equal(1, app.Scalar<int>("select count(*) from regulation"));

        Assert.Equal(2, await Commands.RunAsync(services, ["import", "regulations", "/khong/co.csv"], new StringWriter()));
    }

    [Fact]
    public async Task The_document_import_fills_in_titles_and_dates()
    {
        var app = portal.Fresh();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var csv = "number,type,title,issuer,issued_on,effective_on,expires_on,status\n105/2017/ND-CP,,Nghị định về kinh doanh rượu,Chính phủ,2017-09-14,2017-11-01,,in_force\n";
        var report = await app.SendAsync(new ImportLegalDocuments.Command(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.Equal(new ImportReport(0, 1, 0, []), report);
        var html = await app.GetPageAsync($"/legal-documents/{app.Scalar<long>("select id from legal_document")}");
        Assert.Contains("Nghị định về kinh doanh rượu", html.QuerySelector(".lead")!.TextContent);
        Assert.Contains("01/11/2017", html.QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task A_document_import_with_bad_dates_writes_nothing()
    {
        var app = portal.Fresh();
        var csv = "number,type,title,issuer,issued_on,effective_on,expires_on,status\n105/2017/NĐ-CP,,A,B,14.09.2017,,,in_force\n";
        var report = await app.SendAsync(new ImportLegalDocuments.Command(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
        Assert.Contains(report.Errors, e => e.StartsWith("Dòng 2: Cột issued_on"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from legal_document"));
    }
}
