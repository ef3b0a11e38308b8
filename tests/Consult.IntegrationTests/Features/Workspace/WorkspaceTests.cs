using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Workspace;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Workspace;

public class WorkspaceTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("BYT-0001", "Cấp giấy chứng nhận cơ sở đủ điều kiện sản xuất thuốc", agency: "BYT", sectors: "Dược")));
        await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
        await _app.CreateUserAsync("lanhdao.bct@example.vn", "BCT", Roles.Lead);
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
        await _app.CreateUserAsync("dan@example.vn");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Form(string code, string title, int version, string agency = "BCT")
    {
        var form = NewRegulationForm(code, title, agency);
        form["LegalBasis[0].Article"] = "Điều 11";
        form["ExpectedVersion"] = version.ToString();
        return form;
    }

    private int Version(string code) => _app.Scalar<int>("select version from regulation where code = @code", new { code });

    [Fact]
    public async Task An_editor_edits_a_regulation_making_a_new_version_that_search_finds_and_the_audit_records()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var response = await editor.PostFormAsync("/workspace/regulations/1.000106/edit", "/workspace/regulations",
            Form("1.000106", "Cấp Giấy phép bán buôn rượu và bia", version: 1));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, Version("1.000106"));
        Assert.Equal(["1.000106"], (await _app.SearchAsync("bia")).Codes);
        var audit = await _app.QueryAuditAsync("1.000106");
        Assert.Equal(("update", "canbo.bct@example.vn", 1, 2, "Tên"), audit[^1]);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_conflict_message_and_overwrites_nothing()
    {
        var first = await _app.SignInAsync("canbo.bct@example.vn");
        var second = await _app.SignInAsync("lanhdao.bct@example.vn");
        await first.PostFormAsync("/workspace", "/workspace/regulations", Form("1.000106", "Tên mới của cán bộ", version: 1));

        var stale = await second.PostFormAsync("/workspace", "/workspace/regulations", Form("1.000106", "Tên cũ của lãnh đạo", version: 1));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await Accounts.Html(stale);
        Assert.Contains(page.Errors(), e => e.Contains("phiên bản 2") && e.Contains("chưa được lưu"));
        Assert.Equal("Tên cũ của lãnh đạo", page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("Tên mới của cán bộ", _app.Scalar<string>("select title from regulation where code = '1.000106'"));
        Assert.Equal(2, Version("1.000106"));
    }

    [Fact]
    public async Task Bad_input_returns_the_form_with_the_values_and_messages_and_saves_nothing()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var form = Form("1.000106", "", version: 1);
        form["EffectiveDate"] = "15/13/2026";
        form["LegalBasis[0].Number"] = "không phải số hiệu";
        var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Accounts.Html(response);
        Assert.Contains("Thiếu tên quy định.", page.Errors());
        Assert.Contains(page.Errors(), e => e.Contains("15/13/2026") && e.Contains("dd/mm/yyyy"));
        Assert.Equal("không phải số hiệu", page.QuerySelector("input[name='LegalBasis[0].Number']")!.GetAttribute("value"));
        Assert.Equal(1, Version("1.000106"));
    }

    [Fact]
    public async Task A_date_typed_the_Vietnamese_way_is_saved_as_that_day()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var form = Form("1.000106", "Cấp Giấy phép bán buôn rượu", version: 1);
        form["EffectiveDate"] = "5/1/2026";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/workspace", "/workspace/regulations", form)).StatusCode);
        Assert.Equal("2026-01-05", _app.Scalar<string>("select effective_on from regulation where code = '1.000106'"));
    }

    [Fact]
    public async Task A_new_regulation_stays_hidden_from_the_public_until_a_lead_publishes_it()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        await editor.PostFormAsync("/workspace", "/workspace/regulations", Form("1.009999", "Thủ tục cấp phép xuất khẩu than", version: 0));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/regulations/1.009999")).StatusCode);
        Assert.Empty((await _app.SearchAsync("xuat khau than")).Codes);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/regulations/1.009999")).StatusCode);

        var byEditor = await editor.PostFormAsync("/workspace", "/workspace/regulations/1.009999/change", new() { ["Action"] = "publish", ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);

        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        await lead.PostFormAsync("/workspace", "/workspace/regulations/1.009999/change", new() { ["Action"] = "publish", ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync("/regulations/1.009999")).StatusCode);
        Assert.Equal(["1.009999"], (await _app.SearchAsync("xuat khau than")).Codes);
    }

    [Fact]
    public async Task An_editor_sees_only_the_actions_they_may_take_and_a_repeal_is_confirmed_before_anything_changes()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var edit = await Accounts.Html(await editor.GetAsync("/workspace/regulations/1.000106/edit"));
        var buttons = edit.QuerySelectorAll("[aria-labelledby=change-heading] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Thôi công khai", buttons);
        Assert.DoesNotContain("Công khai", buttons);
        Assert.Contains("Ghi nhận bãi bỏ…", buttons);

        var asked = await editor.PostFormAsync("/workspace", "/workspace/regulations/1.000106/change", new() { ["Action"] = "repeal", ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await Accounts.Html(asked);
        Assert.Contains("Đã bãi bỏ", confirmation.QuerySelector("[data-testid=consequences]")!.TextContent);
        Assert.Equal("in_force", _app.Scalar<string>("select status from regulation where code = '1.000106'"));

        var confirmed = await editor.PostFormAsync("/workspace", "/workspace/regulations/1.000106/change",
            new() { ["Action"] = "repeal", ["ExpectedVersion"] = "1", ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("repealed", _app.Scalar<string>("select status from regulation where code = '1.000106'"));
    }

    [Fact]
    public async Task After_an_error_a_published_regulation_still_reads_as_published()
    {
        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        Assert.True(_app.Scalar<bool>("select published from regulation where code = '1.000106'"));
        var form = await Accounts.Html(await lead.GetAsync("/workspace/regulations/1.000106/edit"));
        var fields = form.QuerySelectorAll("form.form input[name], form.form textarea[name], form.form select[name]")
            .GroupBy(e => e.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First() is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value
                : g.First() is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : g.First().GetAttribute("value") ?? "");
        fields["Title"] = "";
        var failed = await Accounts.Html(await lead.PostFormAsync("/workspace", "/workspace/regulations", fields));
        var buttons = failed.QuerySelectorAll("[aria-labelledby=change-heading] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Thôi công khai", buttons);
        Assert.DoesNotContain("Công khai", buttons);
    }

    [Fact]
    public async Task The_form_offers_each_kind_its_own_fields_and_saves_only_the_chosen_kinds()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var page = await Accounts.Html(await editor.GetAsync("/workspace/regulations/1.000106/edit"));
        string KindsOf(string field) => page.QuerySelector($"[name={field}]")!.ParentElement!.GetAttribute("data-kinds")!;
        Assert.Equal("TTHC", KindsOf("ProcessingTime"));
        Assert.Equal("TTHC KTCN", KindsOf("ImplementingBody"));
        Assert.Equal("CDBC", KindsOf("ReportFrequency"));
        Assert.Equal("KTCN", KindsOf("Products"));
        Assert.Equal("TCQC CAM", page.QuerySelector(".kind-none")!.GetAttribute("data-kinds"));

        // A field of a kind switched away from is hidden in the form, so it is not saved (nor refused).
        var form = Form("1.000106", "Cấp Giấy phép bán buôn rượu", version: 1);
        form["ProcessingTime"] = "15 ngày làm việc";
        form["ReportFrequency"] = "Hằng năm";
        form["Products"] = "2208.20:Rượu mạnh";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/workspace", "/workspace/regulations", form)).StatusCode);
        Assert.Equal("15 ngày làm việc", _app.Scalar<string>("select processing_time from regulation where code = '1.000106'"));
        Assert.Null(_app.Scalar<string?>("select report_frequency from regulation where code = '1.000106'"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation_product"));

        form["Kind"] = "KTCN";
        form["ExpectedVersion"] = "2";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/workspace", "/workspace/regulations", form)).StatusCode);
        Assert.Null(_app.Scalar<string?>("select processing_time from regulation where code = '1.000106'"));
        Assert.Equal("2208.20", _app.Scalar<string>("select hs_code from regulation_product"));
    }

    [Fact]
    public async Task Legal_bases_are_rows_a_button_adds_to_without_saving_and_sectors_are_ticked_or_typed()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var form = Form("1.000106", "Tên đang gõ dở", version: 1);
        form["AddRow"] = "LegalBasis";
        var added = await editor.PostFormAsync("/workspace", "/workspace/regulations", form);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await Accounts.Html(added);
        Assert.Empty(page.Errors());
        Assert.Equal("Tên đang gõ dở", page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal(["105/2017/NĐ-CP", "", ""], page.QuerySelectorAll("input[name$='].Number'][name^=LegalBasis]").Select(i => i.GetAttribute("value") ?? "").ToArray());
        Assert.Equal(1, Version("1.000106"));

        // The sectors the registry knows are ticked, not typed; a new one is typed; an emptied row is dropped.
        var choices = page.QuerySelectorAll("input[type=checkbox][name=Sectors]").Select(c => c.GetAttribute("value") ?? "").ToList();
        Assert.Equal(["Thương mại", "Dược"], choices);
        form.Remove("AddRow");
        form["LegalBasis[1].Number"] = "";
        form["LegalBasis[2].Number"] = "17/2020/NĐ-CP";
        form["LegalBasis[2].Article"] = "Điều 3";
        form["Sectors"] = "Dược";
        form["NewSectors"] = "Kinh doanh rượu\r\n";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync("/workspace", "/workspace/regulations", form)).StatusCode);

        var saved = await Accounts.Html(await editor.GetAsync("/workspace/regulations/1.000106/edit"));
        Assert.Equal(["105/2017/NĐ-CP", "17/2020/NĐ-CP", ""], saved.QuerySelectorAll("input[name^=LegalBasis][name$='].Number']").Select(i => i.GetAttribute("value") ?? "").ToArray());
        Assert.Equal("Điều 3", saved.QuerySelector("input[name='LegalBasis[1].Article']")!.GetAttribute("value"));
        Assert.Equal(["Dược", "Kinh doanh rượu"], saved.QuerySelectorAll("input[type=checkbox][name=Sectors][checked]").Select(c => c.GetAttribute("value") ?? "").Order().ToArray());
        Assert.Equal("01/01/2020", saved.QuerySelector("input[name=EffectiveDate]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_form_of_another_agency_is_not_shown_back_to_an_editor_who_could_not_save_it()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var addRow = Form("BYT-0001", "Tên", version: 1, agency: "BYT");
        addRow["AddRow"] = "LegalBasis";
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/workspace", "/workspace/regulations", addRow)).StatusCode);
        var invalid = Form("BYT-0001", "Tên", version: 1, agency: "BYT");
        invalid["ExpectedVersion"] = "một";
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/workspace", "/workspace/regulations", invalid)).StatusCode);
        Assert.Equal(1, Version("BYT-0001"));
    }

    [Fact]
    public async Task A_public_user_cannot_open_the_workspace_and_nobody_signed_in_is_sent_to_sign_in()
    {
        var citizen = await _app.SignInAsync("dan@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/workspace")).StatusCode);
        var save = await citizen.PostFormAsync("/account", "/workspace/regulations", Form("1.000106", "Sửa trộm", version: 1));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);

        var anonymous = await _app.Browser().GetAsync("/workspace");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery);
        Assert.Equal(1, Version("1.000106"));
    }

    public static TheoryData<string, Dictionary<string, string>> CraftedPosts => new()
    {
        { "/workspace/regulations", Form("BYT-0001", "Sửa quy định của Bộ Y tế", version: 1, agency: "BCT") },
        { "/workspace/regulations", Form("BYT-0001", "Sửa quy định của Bộ Y tế", version: 1, agency: "BYT") },
        { "/workspace/regulations", Form("1.000106", "Chuyển sang Bộ Y tế", version: 1, agency: "BYT") },
        { "/workspace/regulations", Form("BCT-MOI", "Tạo quy định cho Bộ Y tế", version: 0, agency: "BYT") },
        { "/workspace/regulations/BYT-0001/change", new() { ["Action"] = "repeal", ["ExpectedVersion"] = "1" } },
    };

    [Theory]
    [MemberData(nameof(CraftedPosts))]
    public async Task An_editor_is_refused_anything_of_another_agency_and_nothing_changes(string url, Dictionary<string, string> fields)
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        var response = await editor.PostFormAsync("/workspace", url, fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, Version("BYT-0001"));
        Assert.Equal(1, Version("1.000106"));
        Assert.Equal(2, _app.Scalar<int>("select count(*) from regulation"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from audit_event where actor = 'canbo.bct@example.vn'"));
    }

    [Fact]
    public async Task An_editor_cannot_open_another_agencys_edit_form()
    {
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/workspace/regulations/BYT-0001/edit")).StatusCode);
    }

    [Fact]
    public async Task A_command_sent_straight_to_the_mediator_as_another_agencys_editor_is_refused()
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync((await users.FindByNameAsync("canbo.byt@example.vn"))!);
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal };
        var command = new SaveRegulation.Command
        {
            Code = "1.000106", Kind = "TTHC", Title = "Sửa qua trung gian", Agency = "BCT", LegalBasis = [new() { Number = "105/2017/NĐ-CP" }], Status = "in_force", ExpectedVersion = 1,
        };

        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<IMediator>().Send(command));
        Assert.Equal(1, Version("1.000106"));
    }

    [Fact]
    public async Task Reviewers_browse_and_filter_the_audit_trail_and_editors_cannot_open_it()
    {
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        await editor.PostFormAsync("/workspace", "/workspace/regulations", Form("1.000106", "Tên đã sửa", version: 1));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/audit")).StatusCode);

        using (var connection = Database.Open(_app))
        {
            Dapper.SqlMapper.Execute(connection, "update app_user set display_name = 'Trần Thị Cán Bộ' where email = 'canbo.bct@example.vn'");
        }
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        foreach (var actor in new[] { "canbo.bct", "Cán Bộ" })
        {
            var page = await Accounts.Html(await reviewer.GetAsync($"/audit?actor={Uri.EscapeDataString(actor)}&key=1.000106"));
            var row = Assert.Single(page.QuerySelectorAll("[data-testid=audit] tbody tr"));
            Assert.Contains("Cập nhật", row.TextContent);
            Assert.Contains("1 → 2", row.TextContent);
            // People by name, records by what they are, with a link.
            Assert.Contains("Trần Thị Cán Bộ", row.TextContent);
            Assert.DoesNotContain("@example.vn", row.TextContent);
            Assert.Equal("Quy định 1.000106", row.QuerySelector("a[href='/regulations/1.000106']")!.TextContent);
        }
    }

    [Fact]
    public void Nobody_can_edit_or_delete_the_audit_trail()
    {
        using var connection = Database.Open(_app);
        var update = Assert.ThrowsAny<Exception>(() => Dapper.SqlMapper.Execute(connection, "update audit_event set actor = 'ai đó'"));
        Assert.Contains("append-only", update.Message);
        Assert.ThrowsAny<Exception>(() => Dapper.SqlMapper.Execute(connection, "delete from audit_event"));
        Assert.True(_app.Scalar<int>("select count(*) from audit_event") >= 2);
    }
}
