using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Consultations;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Admin;

/// <summary>Bộ Thông tin và Truyền thông merged into Bộ Khoa học và Công nghệ on 1 March 2025, its press sector to Bộ Văn hóa.</summary>
public class ReorganiseTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(
            Row("BTTTT-0001", "Cấp giấy phép thiết lập mạng viễn thông công cộng", agency: "BTTTT", sectors: "Viễn thông"),
            Row("BTTTT-0002", "Cấp giấy phép hoạt động báo in", agency: "BTTTT", sectors: "Báo chí")));
        await _app.CreateUserAsync("quantri@example.vn", null, Roles.Admin);
        await _app.CreateUserAsync("lanhdao@example.vn", "BTTTT", Roles.Lead);
        await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BTTTT", Subject = "regulation", SubjectRef = "BTTTT-0001", Title = "Lấy ý kiến về giấy phép mạng viễn thông",
            OpensOn = "2026-11-16", ClosesOn = "2026-12-31",
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string Owner(string code) => _app.Scalar<string>("select a.code from regulation r join agency a on a.id = r.agency_id where r.code = @code", new { code });

    private Dictionary<string, string> Form(bool confirm)
    {
        var press = _app.Scalar<string>("select id from sector where name = 'Báo chí'");
        var form = new Dictionary<string, string> { ["Successor"] = "BKHCN", ["EffectiveOn"] = "01/03/2025", [$"Sectors[{press}]"] = "BVHTTDL" };
        if (confirm)
        {
            form["Confirm"] = "true";
        }
        return form;
    }

    [Fact]
    public async Task The_preview_says_what_moves_and_moves_nothing_then_the_confirmation_moves_it_keeping_history()
    {
        await _app.CreateUserAsync("dn@example.vn");
        var business = await _app.SignInAsync("dn@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostFormAsync("/feedback/new", "/feedback/new",
            new() { ["Regulation"] = "BTTTT-0001", ["Problem"] = "Hồ sơ cấp phép quá dài.", ["Proposal"] = "Rút gọn hồ sơ." })).StatusCode);
        var admin = await _app.SignInAsync("quantri@example.vn");
        var preview = await admin.PostFormAsync("/admin/agencies/BTTTT/reorganise", "/admin/agencies/BTTTT/reorganise", Form(confirm: false));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var text = (await Accounts.Html(preview)).QuerySelector("[data-testid=preview]")!.TextContent;
        Assert.Contains("1 quy định sang Bộ Khoa học và Công nghệ", text);
        Assert.Contains("1 quy định sang Bộ Văn hóa, Thể thao và Du lịch", text);
        Assert.Contains("1 đợt lấy ý kiến, 1 phản ánh chưa trả lời", text);
        Assert.Equal("BTTTT", Owner("BTTTT-0001"));

        var done = await admin.PostFormAsync("/admin/agencies/BTTTT/reorganise", "/admin/agencies/BTTTT/reorganise", Form(confirm: true));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("BKHCN", Owner("BTTTT-0001"));
        Assert.Equal("BVHTTDL", Owner("BTTTT-0002"));
        Assert.Equal("BKHCN", _app.Scalar<string>("select a.code from consultation c join agency a on a.id = c.agency_id"));
        Assert.Equal("BKHCN", _app.Scalar<string>("select a.code from feedback f join agency a on a.id = f.agency_id"));
        // History keeps the agency as it was.
        Assert.Contains("\"agency\":\"BTTTT\"", _app.Scalar<string>("select v.snapshot from regulation_version v join regulation r on r.id = v.regulation_id where r.code = 'BTTTT-0001' and v.version = 1"));

        var agencies = await _app.GetPageAsync("/agencies");
        Assert.DoesNotContain(agencies.QuerySelectorAll("[data-testid=agencies] tbody tr"), r => r.GetAttribute("data-agency") == "BTTTT");
        Assert.Contains("Bộ Thông tin và Truyền thông", agencies.QuerySelector("[data-testid=former-agencies]")!.TextContent);
        var index = await _app.GetJsonAsync($"/api/v1/effort-index?period={_app.Clock.GetUtcNow().Year}");
        Assert.DoesNotContain(index.GetProperty("agencies").EnumerateArray(), a => a.GetProperty("agency").GetProperty("code").GetString() == "BTTTT");
    }

    [Fact]
    public async Task A_merged_agency_takes_no_new_records_and_the_message_names_its_successor()
    {
        await _app.CreateUserAsync("canbo@example.vn", "BTTTT", Roles.Editor);
        var editor = await _app.SignInAsync("canbo@example.vn");
        var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", new()
        {
            ["Code"] = "BTTTT-0003", ["Kind"] = "TTHC", ["Title"] = "Cấp giấy phép cung cấp dịch vụ trò chơi điện tử", ["Agency"] = "btttt",
            ["Sectors"] = "Viễn thông", ["LegalBasis[0].Number"] = "72/2013/NĐ-CP", ["LegalBasis[0].Article"] = "Điều 31", ["Status"] = "in_force", ["EffectiveDate"] = "01/01/2020",
            ["Content"] = "Nội dung.", ["ExpectedVersion"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await Accounts.Html(response)).Errors(), e => e.Contains("không còn hoạt động từ ngày 01/03/2025") && e.Contains("Bộ Khoa học và Công nghệ"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation where code = 'BTTTT-0003'"));
    }

    [Fact]
    public async Task Only_administrators_reorganise_and_a_bad_successor_is_refused_with_the_form_kept()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostFormAsync("/account", "/admin/agencies/BTTTT/reorganise", Form(confirm: true))).StatusCode);
        Assert.Equal("BTTTT", Owner("BTTTT-0001"));

        var admin = await _app.SignInAsync("quantri@example.vn");
        var refused = await admin.PostFormAsync("/admin/agencies/BTTTT/reorganise", "/admin/agencies/BTTTT/reorganise",
            new(Form(confirm: true)) { ["Successor"] = "BTTTT", ["EffectiveOn"] = "30/02/2025" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Accounts.Html(refused);
        Assert.Contains(page.Errors(), e => e.Contains("cơ quan khác"));
        Assert.Equal("30/02/2025", page.QuerySelector("input[name=EffectiveOn]")!.GetAttribute("value"));
        Assert.Equal("BTTTT", Owner("BTTTT-0001"));
    }
}
