using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Consultations;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>A member of the Advisory Council gives a signed opinion on Bộ Công Thương's draft decree.</summary>
public class CouncilOpinionTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();
    private long _draft;
    private long _regulation;

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-11-10T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("dn@example.vn");
        await _app.CreateUserAsync("hoidong@example.vn", null, Roles.Advisor);
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
        _draft = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "document", SubjectRef = "105/2017/NĐ-CP", Title = "Lấy ý kiến dự thảo Nghị định sửa đổi", OpensOn = "2026-11-16", ClosesOn = "2026-11-30",
        });
        _regulation = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "regulation", SubjectRef = "1.000106", Title = "Lấy ý kiến về thủ tục", OpensOn = "2026-11-16", ClosesOn = "2026-11-30",
        });
        await _app.SendAsync(new ConsultationWindow.Command(_draft, "open", 1));
        await _app.SendAsync(new ConsultationWindow.Command(_regulation, "open", 1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_advisor_publishes_a_signed_opinion_shown_beside_the_answers_and_in_the_report()
    {
        var advisor = await _app.SignInAsync("hoidong@example.vn");
        var url = $"/consultations/{_draft}";
        var empty = await advisor.PostFormAsync(url + "/opinions/new", url + "/opinions", new() { ["Body"] = "  ...  " });
        Assert.Contains("Nội dung ý kiến cần có chữ.", Accounts.Errors(await Accounts.Html(empty)));
        var published = await advisor.PostFormAsync(url + "/opinions/new", url + "/opinions", new() { ["Body"] = "Đề nghị bổ sung ước tính chi phí tuân thủ cho doanh nghiệp nhỏ." });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await _app.GetPageAsync(url);
        Assert.Equal("Người dùng hoidong@example.vn, Thành viên Hội đồng tư vấn cải cách thủ tục hành chính",
            page.QuerySelector("[data-testid=council-opinions] [data-testid=signed-as]")!.TextContent);
        Assert.Contains("ước tính chi phí tuân thủ", (await _app.GetPageAsync(url + "/report")).QuerySelector("[data-testid=council-opinions]")!.TextContent);
        var api = await _app.GetJsonAsync($"/api/v1/consultations/{_draft}");
        Assert.Equal("Đề nghị bổ sung ước tính chi phí tuân thủ cho doanh nghiệp nhỏ.", api.GetProperty("councilOpinions")[0].GetProperty("text").GetString());

        // A moderator hides it with a public reason; the text is gone from the page and the API.
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        var opinion = _app.Scalar<long>("select id from council_opinion");
        var hide = $"{url}/opinions/{opinion}/hide";
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync(hide, hide, new() { ["Reason"] = "Thử ẩn." })).StatusCode);
        Assert.Contains("Ý kiến đã bị ẩn: Thử ẩn.", (await _app.GetPageAsync(url)).QuerySelector("[data-testid=council-opinions]")!.TextContent);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await _app.GetJsonAsync($"/api/v1/consultations/{_draft}")).GetProperty("councilOpinions")[0].GetProperty("text").ValueKind);
    }

    [Fact]
    public async Task Only_advisors_give_council_opinions_and_only_on_plans_and_drafts()
    {
        var business = await _app.SignInAsync("dn@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await business.GetAsync($"/consultations/{_draft}/opinions/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostFormAsync("/account", $"/consultations/{_draft}/opinions", new() { ["Body"] = "Ý kiến." })).StatusCode);

        var advisor = await _app.SignInAsync("hoidong@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync($"/consultations/{_regulation}/opinions/new")).StatusCode);
        var onRegulation = await advisor.PostFormAsync("/account", $"/consultations/{_regulation}/opinions", new() { ["Body"] = "Ý kiến." });
        Assert.Contains(Accounts.Errors(await Accounts.Html(onRegulation)), e => e.StartsWith("Hội đồng tư vấn cho ý kiến về phương án"));
        Assert.Equal(0, _app.Scalar<long>("select count(*) from council_opinion"));
    }
}
