using System.Net;
using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Plans;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.EffortIndex;

/// <summary>Publication freezes a period; the provisional one follows the data. Bộ Công Thương's data is dated by a fixed clock.</summary>
public class EffortIndexPublicationTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-02-10T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("1.000107", "Cấp Giấy phép sản xuất rượu"), Row("1.000108", "Cấp Giấy phép bán lẻ rượu", published: "false")));
        await _app.SendAsync(new SaveHourlyIncome.Command { Year = 2026, Amount = "25.000", Source = "Thử nghiệm" });
        await _app.SendAsync(new SaveCostEstimate.Command { Code = "1.000106", Year = 2026, Cost = new CostForm { Fees = "100.000", FrequencyPerYear = "1", SubjectsPerYear = "100" } });
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
        await _app.CreateUserAsync("canbo@example.vn", "BCT", Roles.Editor);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<decimal> ScoreAsync(string period)
    {
        var json = await _app.GetJsonAsync($"/api/v1/effort-index?period={period}");
        return json.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetProperty("code").GetString() == "BCT").GetProperty("score").GetDecimal();
    }

    [Fact]
    public async Task A_published_period_keeps_its_scores_when_new_data_arrives_and_the_provisional_one_follows_the_data()
    {
        _app.Clock.Set("2026-04-02T09:00");
        var q1 = await ScoreAsync("2026-Q1");
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        var editor = await _app.SignInAsync("canbo@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostFormAsync("/account", "/effort-index/2026-Q1/publish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostFormAsync("/account", "/effort-index/2026-Q2/publish", [])).StatusCode); // not over yet
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync("/account", "/effort-index/2026-Q1/publish", [])).StatusCode);
        Assert.Equal("published", (await _app.GetJsonAsync("/api/v1/effort-index?period=2026-Q1")).GetProperty("status").GetString());
        var q2Before = await ScoreAsync("2026-Q2");

        // In April the estimate is revised, two more are added and the unpublished regulation is published.
        _app.Clock.Set("2026-04-10T09:00");
        foreach (var code in new[] { "1.000106", "1.000107", "1.000108" })
        {
            await _app.SendAsync(new SaveCostEstimate.Command
            {
                Code = code, Year = 2026, Cost = new CostForm { Fees = "200.000", FrequencyPerYear = "1", SubjectsPerYear = "100" },
                ExpectedVersion = code == "1.000106" ? 1 : 0,
            });
        }
        await _app.SendAsync(new Consult.Web.Features.Workspace.ChangeRegulation.Command { Code = "1.000108", Action = "publish", ExpectedVersion = 1 });

        Assert.Equal(q1, await ScoreAsync("2026-Q1"));
        Assert.NotEqual(q2Before, await ScoreAsync("2026-Q2"));
        Assert.Equal(HttpStatusCode.BadRequest, (await (await _app.SignInAsync("ratsoat@example.vn")).PostFormAsync("/account", "/effort-index/2026-Q1/publish", [])).StatusCode);
    }

    [Fact]
    public async Task The_year_before_counts_the_cost_estimate_that_stood_then_not_todays()
    {
        // 10 triệu đồng a year in 2026; revised down to 4 triệu in 2027.
        _app.Clock.Set("2027-03-01T09:00");
        await _app.SendAsync(new SaveCostEstimate.Command
        {
            Code = "1.000106", Year = 2026, Cost = new CostForm { Fees = "40.000", FrequencyPerYear = "1", SubjectsPerYear = "100" }, ExpectedVersion = 1,
        });

        var panel = (await _app.GetPageAsync("/effort-index?period=2027")).QuerySelector("[data-testid=panel]")!;
        var change = panel.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("So với một năm trước")).QuerySelectorAll("td")[3].TextContent;
        Assert.Equal($"Giảm {VietnameseNumbers.Money(6_000_000m)}", change.Trim());
    }

    [Fact]
    public async Task A_new_methodology_applies_only_to_periods_not_yet_begun()
    {
        _app.Clock.Set("2026-06-01T09:00");
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        var points = Consult.Domain.EffortIndex.Methodology.WithFeedback.Indicators.ToDictionary(i => $"Points[{i.Key}]", i => i.MaxPoints.ToString());
        points["Points[published]"] = "16";
        points["Points[cost-estimated]"] = "0";
        var form = new Dictionary<string, string>(points) { ["EffectiveFrom"] = "2027", ["RegulationTarget"] = "10", ["CostTarget"] = "10" };

        var past = await reviewer.PostFormAsync("/effort-index/methodology", "/effort-index/methodology", new(form) { ["EffectiveFrom"] = "2026" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var wrongTotal = await reviewer.PostFormAsync("/effort-index/methodology", "/effort-index/methodology", new(form) { ["Points[answered]"] = "7" });
        Assert.Contains((await Accounts.Html(wrongTotal)).Errors(), e => e.Contains("Tổng điểm phải bằng 100"));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync("/effort-index/methodology", "/effort-index/methodology", form)).StatusCode);

        Assert.Equal(2, (await _app.GetJsonAsync("/api/v1/effort-index?period=2026")).GetProperty("methodologyVersion").GetInt32());
        var next = await _app.GetJsonAsync("/api/v1/effort-index?period=2027");
        Assert.Equal(4, next.GetProperty("methodologyVersion").GetInt32());
        var published = next.GetProperty("agencies")[0].GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "published");
        // Drafts, timeliness and feedback have no data and cost estimates now weigh nothing: publication carries the whole group.
        Assert.Equal(30m, published.GetProperty("maxPoints").GetDecimal());
    }
}
