using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Plans;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Plans;

public class PlanLifecycleTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        await _app.ImportAsync(File(
            Row("1.000106", "Cấp Giấy phép bán buôn rượu"),
            Row("1.000107", "Cấp Giấy phép sản xuất rượu thủ công"),
            Row("BYT-0001", "Cấp giấy chứng nhận đủ điều kiện sản xuất thuốc", agency: "BYT")));
        await _app.SendAsync(new SaveHourlyIncome.Command { Year = 2026, Amount = "25.000", Source = "Giá trị thử nghiệm" });
        foreach (var code in new[] { "1.000106", "1.000107", "BYT-0001" })
        {
            await _app.SendAsync(new SaveCostEstimate.Command
            {
                Code = code,
                Year = 2026,
                Cost = new CostForm { Activities = "Chuẩn bị hồ sơ: 8", Fees = "1.000.000", FrequencyPerYear = "1", SubjectsPerYear = "1.000" },
            });
        }
        await _app.CreateUserAsync("canbo@example.vn", "BCT", Roles.Editor);
        await _app.CreateUserAsync("lanhdao@example.vn", "BCT", Roles.Lead);
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private int PlanVersion(long id) => _app.Scalar<int>("select version from plan where id = @id", new { id });
    private string Status(long id) => _app.Scalar<string>("select status from plan where id = @id", new { id });

    private static Dictionary<string, string> Item(string code, string action = "simplify") => new()
    {
        ["RegulationCode"] = code,
        ["Action"] = action,
        ["Reason"] = "Cho phép nộp hồ sơ trực tuyến.",
        ["Documents[0].Number"] = "105/2017/NĐ-CP", ["Documents[0].Article"] = "Điều 11", ["Documents[0].Deadline"] = "2027-06-30",
        ["CostAfter.Activities"] = "Chuẩn bị hồ sơ: 2\nNộp trực tuyến: 0,5",
        ["CostAfter.Fees"] = "500.000",
        ["CostAfter.FrequencyPerYear"] = "1",
        ["CostAfter.SubjectsPerYear"] = "1.000",
    };

    private async Task<long> DraftAsync(HttpClient editor)
    {
        var created = await editor.PostFormAsync("/plans/new", "/plans", new() { ["Agency"] = "BCT", ["Title"] = "Phương án năm 2026", ["Year"] = "2026" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
    }

    [Fact]
    public async Task Reform_results_count_cuts_once_an_issued_document_carries_them_out_against_the_stock_of_the_baseline_day()
    {
        // Effective after 31/5/2020, so outside the programme's baseline.
        await _app.ImportAsync(File(Row("1.000108", "Cấp Giấy phép bán lẻ rượu", effective: "2021-03-01")));
        var editor = await _app.SignInAsync("canbo@example.vn");
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        var id = await DraftAsync(editor);
        foreach (var (code, action) in new[] { ("1.000106", "simplify"), ("1.000107", "abolish") })
        {
            await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item(code, action)) { ["ExpectedVersion"] = PlanVersion(id).ToString() });
        }
        async Task Step(HttpClient who, string step, Dictionary<string, string>? fields = null) =>
            Assert.Equal(HttpStatusCode.Redirect, (await who.PostFormAsync("/account/login", $"/plans/{id}/{step}",
                new(fields ?? []) { ["expectedVersion"] = PlanVersion(id).ToString() })).StatusCode);
        await Step(lead, "submit", new() { ["Confirmed"] = "true" });
        await Step(reviewer, "approve", new() { ["DecisionNumber"] = "1977/QĐ-TTg", ["DecisionDate"] = "15/10/2026" });

        async Task<(decimal Cut, decimal Target, decimal Approved)> ResultsAsync()
        {
            var bct = (await _app.GetJsonAsync("/api/v1/effort-index?period=2026")).GetProperty("agencies").EnumerateArray()
                .Single(a => a.GetProperty("agency").GetProperty("code").GetString() == "BCT");
            System.Text.Json.JsonElement Indicator(string key) => bct.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);
            return (Indicator("regulations-cut").GetProperty("numerator").GetDecimal(), Indicator("regulations-cut").GetProperty("denominator").GetDecimal(),
                Indicator("plans-approved").GetProperty("numerator").GetDecimal());
        }
        // 10% (the portal's target for a year after the programme) of the 2 regulations in force by 31/5/2020.
        Assert.Equal((0m, 0.2m, 2m), await ResultsAsync());

        var first = _app.Scalar<long>("select min(id) from plan_item where plan_id = @id", new { id });
        await Step(editor, $"items/{first}/execution", new() { ["DocumentNumber"] = "55/2026/NĐ-CP", ["IssuedOn"] = "01/11/2026" });
        Assert.Equal((1m, 0.2m, 2m), await ResultsAsync());
    }

    [Fact]
    public async Task A_plan_goes_through_every_step_and_each_step_is_refused_to_the_wrong_role()
    {
        var editor = await _app.SignInAsync("canbo@example.vn");
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        var otherAgency = await _app.SignInAsync("canbo.byt@example.vn");
        var citizen = _app.Browser();

        var id = await DraftAsync(editor);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAgency.PostFormAsync("/workspace", $"/plans/{id}/items", new(Item("1.000106")) { ["ExpectedVersion"] = "1" })).StatusCode);
        var added = await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000106")) { ["ExpectedVersion"] = PlanVersion(id).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        async Task<HttpStatusCode> Post(HttpClient who, string step, Dictionary<string, string>? fields = null)
        {
            var form = fields ?? [];
            form["expectedVersion"] = PlanVersion(id).ToString();
            return (await who.PostFormAsync("/account/login", $"/plans/{id}/{step}", form)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await Post(editor, "submit"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(reviewer, "submit"));
        // Submitting is irreversible for the agency: the first post only asks, saying what will happen.
        var asked = await lead.PostFormAsync("/account/login", $"/plans/{id}/submit", new() { ["expectedVersion"] = PlanVersion(id).ToString() });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirmation = await Accounts.Html(asked);
        Assert.Contains("Văn phòng Chính phủ", confirmation.QuerySelector("[data-testid=consequences]")!.TextContent);
        Assert.Equal("true", confirmation.QuerySelector("form input[name=Confirmed]")!.GetAttribute("value"));
        Assert.Equal("draft", Status(id));
        Assert.Equal(HttpStatusCode.Redirect, await Post(lead, "submit", new() { ["Confirmed"] = "true" }));
        Assert.Equal("submitted", Status(id));
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/plans/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, await Post(lead, "return", new() { ["Reason"] = "Tự trả lại" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(reviewer, "return", new() { ["Reason"] = "" }));
        Assert.Equal(HttpStatusCode.Redirect, await Post(reviewer, "return", new() { ["Reason"] = "Bổ sung chi phí sau." }));
        Assert.Equal("returned", Status(id));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000107", "abolish")) { ["ExpectedVersion"] = PlanVersion(id).ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await Post(lead, "submit", new() { ["Confirmed"] = "true" }));

        var approval = new Dictionary<string, string> { ["DecisionNumber"] = "1977/QĐ-TTg", ["DecisionDate"] = "2026-10-15" };
        Assert.Equal(HttpStatusCode.Forbidden, await Post(editor, "approve", new(approval)));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(lead, "approve", new(approval)));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(reviewer, "approve", new(approval) { ["DecisionNumber"] = "12/2026/TT-BCT" }));
        Assert.Equal(HttpStatusCode.Redirect, await Post(reviewer, "approve", new(approval)));
        Assert.Equal("approved", Status(id));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000106", "amend")) { ["ExpectedVersion"] = PlanVersion(id).ToString() })).StatusCode);

        var items = _app.Query<long>("select id from plan_item where plan_id = @id order by id", new { id });
        var execution = new Dictionary<string, string> { ["DocumentNumber"] = "55/2026/NĐ-CP", ["IssuedOn"] = "2026-11-01" };
        Assert.Equal(HttpStatusCode.Forbidden, await Post(reviewer, $"items/{items[0]}/execution", new(execution)));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(otherAgency, $"items/{items[0]}/execution", new(execution)));
        Assert.Equal(HttpStatusCode.Redirect, await Post(editor, $"items/{items[0]}/execution", new(execution)));
        Assert.Equal("in_execution", Status(id));
        Assert.Equal(HttpStatusCode.Redirect, await Post(editor, $"items/{items[1]}/execution", new(execution)));
        Assert.Equal("executed", Status(id));

        Assert.Equal("repealed", _app.Scalar<string>("select status from regulation where code = '1.000107'"));
        Assert.Equal(1, _app.Scalar<int>("select count(*) from regulation_basis b join legal_document d on d.id = b.legal_document_id join regulation r on r.id = b.regulation_id where r.code = '1.000106' and d.number = '55/2026/NĐ-CP'"));
        var steps = (await _app.QueryAuditAsync(id.ToString())).Select(e => e.Action).ToList();
        Assert.Equal(["create", "add-item", "submit", "return", "add-item", "submit", "approve", "execute", "execute"], steps);
        var page = await _app.GetPageAsync($"/plans/{id}");
        Assert.Equal("Đã thực thi", page.QuerySelector("[data-testid=status]")!.TextContent);
        // Before: 2 × (8 h × 25,000 + 1,000,000) × 1,000 = 2,400,000,000; after: (2.5 h × 25,000 + 500,000) × 1,000 = 562,500,000; abolished: 0.
        Assert.Equal("1,8 tỷ đồng", page.QuerySelector("[data-testid=saving]")!.TextContent);
        Assert.Equal("2/2", page.QuerySelector("[data-testid=progress]")!.TextContent);
        Assert.Contains("Bổ sung chi phí sau.", page.QuerySelector("[data-testid=history]")!.TextContent);
    }

    [Fact]
    public async Task An_item_with_bad_costs_or_documents_returns_the_form_with_the_values_and_saves_nothing()
    {
        var editor = await _app.SignInAsync("canbo@example.vn");
        var id = await DraftAsync(editor);
        var item = Item("1.000106");
        item["CostAfter.Fees"] = "năm trăm";
        item["CostAfter.SubjectsPerYear"] = "2.000.000.000";
        item["Documents[0].Number"] = "Nghị định mới";
        item["ExpectedVersion"] = PlanVersion(id).ToString();
        var response = await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", item);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Accounts.Html(response);
        Assert.Contains("\"năm trăm\" không phải là số.", page.Errors());
        Assert.Contains(page.Errors(), e => e.StartsWith("Số đối tượng mỗi năm vượt quá 1.000.000.000"));
        Assert.Contains(page.Errors(), e => e.Contains("Nghị định mới"));
        Assert.Equal("năm trăm", page.QuerySelector("input[name='CostAfter.Fees']")!.GetAttribute("value"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from plan_item"));
    }

    [Fact]
    public async Task A_regulation_without_a_cost_estimate_cannot_join_a_plan()
    {
        await _app.ImportAsync(File(Row("1.000108", "Thủ tục chưa có ước tính chi phí")));
        var editor = await _app.SignInAsync("canbo@example.vn");
        var id = await DraftAsync(editor);
        var response = await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000108")) { ["ExpectedVersion"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await Accounts.Html(response)).Errors(), e => e.Contains("chưa có ước tính chi phí tuân thủ"));
    }

    [Fact]
    public async Task A_plan_cannot_take_another_agencys_regulation_and_a_stale_form_is_refused()
    {
        var editor = await _app.SignInAsync("canbo@example.vn");
        var id = await DraftAsync(editor);
        var foreign = await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("BYT-0001")) { ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000106")) { ["ExpectedVersion"] = "1" });
        var stale = await editor.PostFormAsync($"/plans/{id}", $"/plans/{id}/items", new(Item("1.000107")) { ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, _app.Scalar<int>("select count(*) from plan_item"));
    }

    [Fact]
    public async Task A_cost_estimate_shows_on_the_regulation_page_with_a_business_own_yearly_cost()
    {
        var editor = await _app.SignInAsync("canbo@example.vn");
        var saved = await editor.PostFormAsync("/workspace/regulations/1.000106/cost", "/workspace/regulations/1.000106/cost", new()
        {
            ["Year"] = "2026",
            ["Cost.Activities"] = "Tìm hiểu thông tin: 2\nChuẩn bị hồ sơ: 6,5\nNộp hồ sơ, nhận kết quả: 1,5",
            ["Cost.Fees"] = "1.200.000",
            ["Cost.OutsourcedServices"] = "500.000",
            ["Cost.OtherCosts"] = "50.000",
            ["Cost.FrequencyPerYear"] = "0,2",
            ["Cost.SubjectsPerYear"] = "3.000",
            ["ExpectedVersion"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // 10 h × 25,000 + 1,750,000 = 2,000,000 a case; × 600 cases = 1,200,000,000 a year; 3 times a year for one business = 6,000,000.
        var page = await _app.GetPageAsync("/regulations/1.000106?frequency=3");
        Assert.Contains("1,2 tỷ đồng", page.QuerySelector("[data-testid=cost]")!.TextContent);
        Assert.Contains("750 ngày công", page.QuerySelector("[data-testid=cost]")!.TextContent);
        Assert.Contains("6 triệu đồng", page.QuerySelector("[data-testid=your-cost]")!.TextContent);

        var other = await _app.SignInAsync("canbo.byt@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/workspace/regulations/1.000106/cost")).StatusCode);
    }
}
