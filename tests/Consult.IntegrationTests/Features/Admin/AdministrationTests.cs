using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Admin;

public class AdministrationTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu", sectors: "Thương mại")));
        await _app.CreateUserAsync("quantri@example.vn", null, Roles.Admin);
        await _app.CreateUserAsync("canbo@example.vn", "BCT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private long UserId(string email) => _app.Scalar<long>("select id from app_user where email = @email", new { email });

    [Fact]
    public async Task An_administrator_makes_a_citizen_an_editor_of_an_agency_and_the_workspace_opens_for_them()
    {
        await _app.CreateUserAsync("moi@example.vn");
        var citizen = await _app.SignInAsync("moi@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/workspace")).StatusCode);

        var admin = await _app.SignInAsync("quantri@example.vn");
        var id = UserId("moi@example.vn");
        var form = await Accounts.Html(await admin.GetAsync($"/admin/users/{id}"));
        var saved = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}", new()
        {
            ["Agency"] = "BCT",
            ["Roles"] = "editor",
            ["ConcurrencyStamp"] = form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Vai trò: Cán bộ cập nhật; cơ quan: BCT", (await _app.QueryAuditAsync("moi@example.vn"))[^1].Summary);

        var editor = await _app.SignInAsync("moi@example.vn");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/workspace")).StatusCode);
    }

    [Fact]
    public async Task A_stale_access_form_is_refused_and_changes_nothing()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var id = UserId("canbo@example.vn");
        var stamp = (await Accounts.Html(await admin.GetAsync($"/admin/users/{id}"))).QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!;
        await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}", new() { ["Agency"] = "BCT", ["Roles"] = "lead", ["ConcurrencyStamp"] = stamp });

        var stale = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}", new() { ["Agency"] = "BYT", ["Roles"] = "editor", ["ConcurrencyStamp"] = stamp });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("lead", _app.Scalar<string>("select r.name from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = @id", new { id }));
        Assert.Equal("BCT", _app.Scalar<string>("select a.code from app_user u join agency a on a.id = u.agency_id where u.id = @id", new { id }));
    }

    [Fact]
    public async Task An_editor_role_without_an_agency_is_refused_with_the_form_and_a_message()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var id = UserId("canbo@example.vn");
        var form = await Accounts.Html(await admin.GetAsync($"/admin/users/{id}"));
        var response = await admin.PostFormAsync($"/admin/users/{id}", $"/admin/users/{id}", new()
        {
            ["Agency"] = "",
            ["Roles"] = "lead",
            ["ConcurrencyStamp"] = form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Accounts.Html(response);
        Assert.Contains("Cán bộ cập nhật và lãnh đạo đơn vị phải thuộc một cơ quan.", page.Errors());
        Assert.True(page.QuerySelector("input[name=Roles][value=lead]")!.HasAttribute("checked"));
        Assert.Equal("editor", _app.Scalar<string>("select r.name from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = @id", new { id }));
    }

    [Fact]
    public async Task Renaming_an_agency_and_a_sector_shows_on_public_pages_and_in_search()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var agencyId = _app.Scalar<int>("select id from agency where code = 'BCT'");
        await admin.PostFormAsync("/admin/agencies", "/admin/agencies", new() { ["Id"] = agencyId.ToString(), ["Code"] = "BCT", ["Name"] = "Bộ Công Thương (đổi tên)" });
        var sectorId = _app.Scalar<int>("select id from sector");
        await admin.PostFormAsync("/admin/sectors", "/admin/sectors", new() { ["Id"] = sectorId.ToString(), ["Name"] = "Thương mại nội địa" });

        var page = await _app.GetPageAsync("/regulations/1.000106");
        Assert.Contains("Bộ Công Thương (đổi tên)", page.QuerySelector(".facts")!.TextContent);
        Assert.Equal(["1.000106"], (await _app.SearchAsync("noi dia")).Codes);
    }

    [Fact]
    public async Task An_agency_just_added_is_offered_at_once_on_the_account_and_reorganisation_forms()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        await admin.PostFormAsync("/admin/agencies/new", "/admin/agencies", new() { ["Code"] = "BMOI", ["Name"] = "Bộ Mới Thành Lập" });

        var newUser = await Accounts.Html(await admin.GetAsync("/admin/users/new"));
        Assert.Contains(newUser.QuerySelectorAll("#Agency option"), o => o.GetAttribute("value") == "BMOI" && o.TextContent == "Bộ Mới Thành Lập (BMOI)");
        // A ministry merged away on 1 March 2025 stays choosable, apart from today's agencies.
        Assert.Equal("Cơ quan đã hợp nhất, giải thể", newUser.QuerySelector("#Agency option[value=BGTVT]")!.ParentElement!.GetAttribute("label"));
        Assert.Equal("SELECT", newUser.QuerySelector("#Agency option[value=BMOI]")!.ParentElement!.TagName);
        // The agency's code as a link or a person may write it.
        var reorganise = await Accounts.Html(await admin.GetAsync("/admin/agencies/%20bct%20/reorganise"));
        Assert.Equal("Hợp nhất, chia tách: Bộ Công Thương", reorganise.QuerySelector("h1")!.TextContent);
        Assert.Contains(reorganise.QuerySelectorAll("#Successor option"), o => o.GetAttribute("value") == "BMOI");
        Assert.DoesNotContain(reorganise.QuerySelectorAll("#Successor option"), o => o.GetAttribute("value") == "BCT");
        Assert.Equal("/admin/agencies/BCT/reorganise", reorganise.QuerySelector("main form[method=post]")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_duplicate_agency_code_is_refused()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var response = await admin.PostFormAsync("/admin/agencies/new", "/admin/agencies", new() { ["Code"] = "bct", ["Name"] = "Trùng mã" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mã BCT đã dùng cho cơ quan khác.", (await Accounts.Html(response)).Errors());
        Assert.Equal(1, _app.Scalar<int>("select count(*) from agency where code = 'BCT'"));
    }

    [Theory]
    [InlineData("/admin/agencies", "Code=XYZ&Name=Cơ quan lạ")]
    [InlineData("/admin/sectors", "Name=Lĩnh vực lạ")]
    public async Task Non_administrators_are_refused_administration(string url, string body)
    {
        var editor = await _app.SignInAsync("canbo@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/users")).StatusCode);
        var fields = body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/workspace", url, fields)).StatusCode);
        Assert.Equal(0, _app.Scalar<int>("select count(*) from agency where code = 'XYZ'") + _app.Scalar<int>("select count(*) from sector where name = 'Lĩnh vực lạ'"));
    }

    [Fact]
    public async Task A_staff_account_created_by_an_administrator_gets_a_link_to_set_its_password()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var created = await admin.PostFormAsync("/admin/users/new", "/admin/users", new()
        {
            ["Email"] = "lanhdao@example.vn", ["DisplayName"] = "Lãnh đạo Văn phòng Bộ", ["Agency"] = "BCT", ["Roles"] = "lead",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Single(Directory.GetFiles(Path.Combine(_app.DataDirectory, "mail")));
        Assert.Null(_app.Scalar<string?>("select password_hash from app_user where email = 'lanhdao@example.vn'"));
    }
}
