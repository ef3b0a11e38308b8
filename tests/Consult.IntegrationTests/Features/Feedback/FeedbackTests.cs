using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Feedback;

/// <summary>
/// Feedback on Bộ Công Thương's liquor licence, filed on Friday 13 February 2026, the last working day before Tết Bính
/// Ngọ (the break runs to Sunday 22 February): its ten working days end on Friday 6 March.
/// </summary>
public class FeedbackTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-02-13T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("BYT-0001", "Cấp giấy chứng nhận sản xuất thuốc", agency: "BYT"),
            Row("1.000999", "Thủ tục dự thảo", status: "draft")));
        await _app.CreateUserAsync("dn@example.vn");
        await _app.CreateUserAsync("khac@example.vn");
        await _app.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
        await _app.CreateUserAsync("lanhdao.bct@example.vn", "BCT", Roles.Lead);
        await _app.CreateUserAsync("canbo.byt@example.vn", "BYT", Roles.Editor);
        await _app.CreateUserAsync("lanhdao.byt@example.vn", "BYT", Roles.Lead);
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
        await _app.CreateUserAsync("quantri@example.vn", null, Roles.Admin);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Feedback(string regulation = "1.000106", string problem = "Phải nộp bản sao có chứng thực đăng ký doanh nghiệp.") => new()
    {
        ["Regulation"] = regulation, ["Problem"] = problem, ["Proposal"] = "Cơ quan cấp phép tự tra cứu cơ sở dữ liệu quốc gia.",
    };

    private async Task<long> FileAsync(HttpClient who, Dictionary<string, string>? fields = null)
    {
        var filed = await who.PostFormAsync("/feedback/new", "/feedback/new", fields ?? Feedback());
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        return long.Parse(filed.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private int Version(long id) => _app.Scalar<int>("select version from feedback where id = @id", new { id });

    [Fact]
    public async Task Feedback_goes_to_the_owning_agency_due_ten_working_days_later_skipping_Tet()
    {
        var id = await FileAsync(await _app.SignInAsync("dn@example.vn"));

        var api = await _app.GetJsonAsync($"/api/v1/feedback/{id}");
        Assert.Equal("BCT", api.GetProperty("agency").GetString());
        Assert.Equal("received", api.GetProperty("status").GetString());
        Assert.Equal("2026-02-13", api.GetProperty("filedOn").GetString());
        Assert.Equal("2026-03-06", api.GetProperty("answerDue").GetString());
        Assert.False(api.GetProperty("late").GetBoolean());

        // The regulation's page lists it with an entry to file more, through sign-in for a visitor.
        var regulation = await _app.GetPageAsync("/regulations/1.000106");
        var section = regulation.QuerySelector("[data-testid=regulation-feedback]")!;
        Assert.Contains($"Phản ánh số {id}", section.TextContent);
        Assert.Equal("/account/login?returnUrl=%2Ffeedback%2Fnew%3Fregulation%3D1.000106", section.QuerySelector("a.button")!.GetAttribute("href"));
        var signedIn = await Accounts.Html(await (await _app.SignInAsync("khac@example.vn")).GetAsync("/regulations/1.000106"));
        Assert.Equal("/feedback/new?regulation=1.000106", signedIn.QuerySelector("[data-testid=regulation-feedback] a.button")!.GetAttribute("href"));

        // Unanswered after its due day, it is late; the public timeliness table counts it overdue.
        _app.Clock.Set("2026-03-09T09:00");
        Assert.True((await _app.GetJsonAsync($"/api/v1/feedback/{id}")).GetProperty("late").GetBoolean());
        var row = (await _app.GetPageAsync("/consultations/answers")).QuerySelectorAll("[data-testid=feedback-timeliness] tbody tr").Single();
        Assert.Equal(["Bộ Công Thương", "1", "0", "0", "1", "0", "0 / 0"], row.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Bad_feedback_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var business = await _app.SignInAsync("dn@example.vn");
        var unknown = await business.PostFormAsync("/feedback/new", "/feedback/new", Feedback("9.999999"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var page = await Accounts.Html(unknown);
        Assert.Contains("Không có quy định mã \"9.999999\" được công khai.", page.Errors());
        Assert.Equal("Phải nộp bản sao có chứng thực đăng ký doanh nghiệp.", page.QuerySelector("textarea[name=Problem]")!.TextContent.Trim());

        var draft = await business.PostFormAsync("/feedback/new", "/feedback/new", Feedback("1.000999"));
        Assert.Contains(Accounts.Errors(await Accounts.Html(draft)), e => e.StartsWith("Chỉ phản ánh, kiến nghị về quy định đang có hiệu lực"));

        await FileAsync(business);
        var again = await business.PostFormAsync("/feedback/new", "/feedback/new", Feedback(problem: "phải nộp bản sao có chứng thực đăng ký doanh nghiệp"));
        Assert.Contains(Accounts.Errors(await Accounts.Html(again)), e => e.Contains("không gửi lặp lại"));

        var staff = await _app.SignInAsync("canbo.bct@example.vn");
        var byStaff = await staff.PostFormAsync("/feedback/new", "/feedback/new", Feedback());
        Assert.Contains(Accounts.Errors(await Accounts.Html(byStaff)), e => e.StartsWith("Tài khoản cán bộ của bộ, ngành không gửi phản ánh"));
        Assert.Equal(1, _app.Scalar<long>("select count(*) from feedback"));

        // Someone not signed in is sent to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await _app.Browser().GetAsync("/feedback/new")).StatusCode);
    }

    [Fact]
    public async Task A_transfer_is_accepted_or_returned_by_the_agency_it_is_offered_to_and_no_one_else()
    {
        var id = await FileAsync(await _app.SignInAsync("dn@example.vn"));
        var bct = await _app.SignInAsync("canbo.bct@example.vn");
        var byt = await _app.SignInAsync("canbo.byt@example.vn");
        var url = $"/feedback/{id}";

        // Only the agency that must answer transfers it, with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await byt.GetAsync(url + "/transfer")).StatusCode);
        var noReason = await bct.PostFormAsync(url + "/transfer", url + "/transfer", new() { ["ToAgency"] = "BYT", ["ExpectedVersion"] = Version(id).ToString() });
        Assert.Contains("Nêu lý do chuyển; lý do được công khai.", Accounts.Errors(await Accounts.Html(noReason)));
        var sent = await bct.PostFormAsync(url + "/transfer", url + "/transfer",
            new() { ["ToAgency"] = "byt", ["Reason"] = "Thuộc phạm vi quản lý của Bộ Y tế.", ["ExpectedVersion"] = Version(id).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("transferring", (await _app.GetJsonAsync(url.Replace("/feedback", "/api/v1/feedback"))).GetProperty("status").GetString());

        // The sender cannot accept its own transfer; the lead of the sender cannot answer while it is offered.
        var accept = new Dictionary<string, string> { ["expectedVersion"] = Version(id).ToString() };
        Assert.Equal(HttpStatusCode.Forbidden, (await bct.PostFormAsync(url, url + "/accept", new(accept))).StatusCode);
        var bctLead = await _app.SignInAsync("lanhdao.bct@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await bctLead.GetAsync(url + "/answer")).StatusCode);

        // Returned with a reason: back with Bộ Công Thương, its deadline unchanged.
        var returned = await byt.PostFormAsync(url + "/return", url + "/return", new() { ["Reason"] = "Nội dung về hồ sơ cấp phép do Bộ Công Thương quy định.", ["ExpectedVersion"] = Version(id).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var back = await _app.GetJsonAsync($"/api/v1/feedback/{id}");
        Assert.Equal(("BCT", "received", "2026-03-06"), (back.GetProperty("agency").GetString(), back.GetProperty("status").GetString(), back.GetProperty("answerDue").GetString()));

        // Offered again and accepted on 2 March: Bộ Y tế answers within ten working days of that day.
        await bct.PostFormAsync(url + "/transfer", url + "/transfer", new() { ["ToAgency"] = "BYT", ["Reason"] = "Bộ Y tế đề nghị nhận lại.", ["ExpectedVersion"] = Version(id).ToString() });
        _app.Clock.Set("2026-03-02T09:00");
        byt = await _app.SignInAsync("canbo.byt@example.vn");
        // A form opened before the return is stale: a conflict, not a step taken on what the user did not see.
        Assert.Equal(HttpStatusCode.Conflict, (await byt.PostFormAsync(url, url + "/accept", new() { ["expectedVersion"] = "2" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await byt.PostFormAsync(url, url + "/accept", new() { ["expectedVersion"] = Version(id).ToString() })).StatusCode);
        var accepted = await _app.GetJsonAsync($"/api/v1/feedback/{id}");
        Assert.Equal(("BYT", "received", "2026-03-16"), (accepted.GetProperty("agency").GetString(), accepted.GetProperty("status").GetString(), accepted.GetProperty("answerDue").GetString()));
        Assert.Equal(["filed", "transfer", "return", "transfer", "accept"], accepted.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var history = (await _app.GetPageAsync(url)).QuerySelector("[data-testid=feedback-history]")!.TextContent;
        Assert.Contains("Bộ Y tế trả lại Bộ Công Thương – Nội dung về hồ sơ cấp phép do Bộ Công Thương quy định.", history);
    }

    [Fact]
    public async Task The_lead_answers_only_the_author_rates_once_and_a_late_answer_counts_as_late()
    {
        var author = await _app.SignInAsync("dn@example.vn");
        var id = await FileAsync(author);
        var url = $"/feedback/{id}";

        // Editors prepare; only the lead publishes the answer.
        var editor = await _app.SignInAsync("canbo.bct@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(url + "/answer")).StatusCode);
        var otherLead = await _app.SignInAsync("lanhdao.byt@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLead.PostFormAsync("/account", url + "/answer", new() { ["Answer"] = "Trả lời.", ["ExpectedVersion"] = "1" })).StatusCode);

        _app.Clock.Set("2026-03-10T09:00");
        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        var empty = await lead.PostFormAsync(url + "/answer", url + "/answer", new() { ["Answer"] = " ... ", ["ExpectedVersion"] = Version(id).ToString() });
        Assert.Contains("Nội dung trả lời cần có chữ.", Accounts.Errors(await Accounts.Html(empty)));
        var answered = await lead.PostFormAsync(url + "/answer", url + "/answer",
            new() { ["Answer"] = "Tiếp thu: sẽ bỏ yêu cầu bản sao khi sửa nghị định.", ["ExpectedVersion"] = Version(id).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Contains(_app.Query<string>("select text from notification where user_id = (select id from app_user where email = 'dn@example.vn')"),
            t => t.StartsWith("Bộ Công Thương đã trả lời phản ánh của bạn"));

        // Someone else cannot rate it; the author rates it once.
        var other = await _app.SignInAsync("khac@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync("/account", url + "/rate", new() { ["Satisfied"] = "true" })).StatusCode);
        author = await _app.SignInAsync("dn@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostFormAsync(url + "/rate", url + "/rate", new() { ["Satisfied"] = "false", ["Remark"] = "Trả lời muộn." })).StatusCode);
        var twice = await author.PostFormAsync("/account", url + "/rate", new() { ["Satisfied"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var list = await _app.GetJsonAsync("/api/v1/feedback?agency=BCT&status=answered&regulation=1.000106");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal(["id", "regulation", "agency", "status", "filedOn", "answerDue", "answeredOn", "late", "rating"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("1.000106", "2026-03-10", true, false),
            (item.GetProperty("regulation").GetString(), item.GetProperty("answeredOn").GetString(), item.GetProperty("late").GetBoolean(), item.GetProperty("rating").GetBoolean()));
        Assert.Equal(0, (await _app.GetJsonAsync("/api/v1/feedback?status=received")).GetProperty("total").GetInt32());
        var bad = await _app.GetJsonAsync("/api/v1/feedback?status=xong", 400);
        Assert.StartsWith("Trạng thái không hợp lệ", bad.GetProperty("error").GetString());

        var row = (await _app.GetPageAsync("/consultations/answers")).QuerySelectorAll("[data-testid=feedback-timeliness] tbody tr").Single();
        Assert.Equal(["Bộ Công Thương", "1", "0", "1", "0", "0", "0 / 1"], row.Children.Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task A_provincial_office_files_for_its_province_and_a_moderator_hides_abuse_with_a_public_reason()
    {
        var office = await _app.CreateUserAsync("vanphong@example.vn", null, Roles.ProvincialOffice);
        var admin = await _app.SignInAsync("quantri@example.vn");
        var access = $"/admin/users/{office.Id}";
        var unbound = await admin.PostFormAsync(access, access, new() { ["Roles"] = Roles.ProvincialOffice, ["ConcurrencyStamp"] = office.ConcurrencyStamp! });
        Assert.Contains("Văn phòng UBND tỉnh phải gắn với một tỉnh, thành phố trong danh sách.", Accounts.Errors(await Accounts.Html(unbound)));
        var bound = await admin.PostFormAsync(access, access, new() { ["Roles"] = Roles.ProvincialOffice, ["Province"] = "79", ["ConcurrencyStamp"] = office.ConcurrencyStamp! });
        Assert.Equal(HttpStatusCode.Redirect, bound.StatusCode);

        var id = await FileAsync(await _app.SignInAsync("vanphong@example.vn"));
        var page = await _app.GetPageAsync($"/feedback/{id}");
        Assert.Contains("Văn phòng UBND Thành phố Hồ Chí Minh (tổng hợp từ doanh nghiệp địa phương)", page.QuerySelector("main")!.TextContent);

        // A business reports it (twice counts once) but cannot hide it; the reviewer sees the report and hides it,
        // and the reason is public while the text is not.
        var business = await _app.SignInAsync("dn@example.vn");
        var report = new Dictionary<string, string> { ["Reason"] = "Có số điện thoại cá nhân." };
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostFormAsync($"/feedback/{id}/report", $"/feedback/{id}/report", new(report))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostFormAsync($"/feedback/{id}", $"/feedback/{id}/report", new(report))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostFormAsync("/account", $"/feedback/{id}/hide", new() { ["Reason"] = "Không thích." })).StatusCode);
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        Assert.Equal("1 báo cáo vi phạm", (await Accounts.Html(await reviewer.GetAsync($"/feedback/{id}"))).QuerySelector("[data-testid=reports]")!.TextContent);
        Assert.Null((await _app.GetPageAsync($"/feedback/{id}")).QuerySelector("[data-testid=reports]"));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync($"/feedback/{id}/hide", $"/feedback/{id}/hide", new() { ["Reason"] = "Chứa thông tin cá nhân." })).StatusCode);
        var hidden = await _app.GetJsonAsync($"/api/v1/feedback/{id}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hidden.GetProperty("problem").ValueKind);
        Assert.Equal("Chứa thông tin cá nhân.", hidden.GetProperty("hidden").GetProperty("reason").GetString());
        Assert.DoesNotContain("bản sao có chứng thực", (await _app.GetPageAsync($"/feedback/{id}")).QuerySelector("main")!.TextContent);
        // Hidden feedback needs no answer: the lead has nothing to answer.
        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/feedback/{id}/answer")).StatusCode);
    }

    [Fact]
    public async Task Feedback_counts_in_the_effort_index_from_2027_through_methodology_version_3()
    {
        _app.Clock.Set("2027-01-04T09:00");
        var id = await FileAsync(await _app.SignInAsync("dn@example.vn"));
        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        await lead.PostFormAsync($"/feedback/{id}/answer", $"/feedback/{id}/answer", new() { ["Answer"] = "Tiếp thu.", ["ExpectedVersion"] = Version(id).ToString() });
        var author = await _app.SignInAsync("dn@example.vn");
        await author.PostFormAsync($"/feedback/{id}/rate", $"/feedback/{id}/rate", new() { ["Satisfied"] = "true" });
        _app.Clock.Set("2027-02-01T09:00");

        var index = await _app.GetJsonAsync("/api/v1/effort-index?period=2027");
        Assert.Equal(3, index.GetProperty("methodologyVersion").GetInt32());
        var bct = index.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetProperty("code").GetString() == "BCT");
        decimal[] Rate(string key) => bct.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("key").GetString() == key)
            .Select(i => new[] { i.GetProperty("numerator").GetDecimal(), i.GetProperty("denominator").GetDecimal() }).Single();
        Assert.Equal([1m, 1m], Rate("feedback-answered-on-time"));
        Assert.Equal([1m, 1m], Rate("feedback-satisfied"));

        // The 2026 period keeps the version it began with, which knows nothing of feedback.
        var earlier = await _app.GetJsonAsync("/api/v1/effort-index?period=2026");
        Assert.DoesNotContain(earlier.GetProperty("agencies").EnumerateArray().SelectMany(a => a.GetProperty("indicators").EnumerateArray()),
            i => i.GetProperty("key").GetString()!.StartsWith("feedback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Followers_of_the_regulation_hear_of_feedback_and_its_answer_and_the_Atom_feed_carries_both()
    {
        var follower = await _app.SignInAsync("khac@example.vn");
        var regulationId = _app.Scalar<long>("select id from regulation where code = '1.000106'");
        await follower.PostFormAsync("/regulations/1.000106", "/follow", new() { ["target"] = "regulation", ["targetId"] = regulationId.ToString(), ["on"] = "true" });

        var id = await FileAsync(await _app.SignInAsync("dn@example.vn"));
        var lead = await _app.SignInAsync("lanhdao.bct@example.vn");
        await lead.PostFormAsync($"/feedback/{id}/answer", $"/feedback/{id}/answer", new() { ["Answer"] = "Tiếp thu: sẽ bỏ yêu cầu bản sao.", ["ExpectedVersion"] = Version(id).ToString() });

        var notices = _app.Query<string>("select text from notification where user_id = (select id from app_user where email = 'khac@example.vn') order by id");
        Assert.Equal(["Phản ánh, kiến nghị mới: 1.000106 – Cấp Giấy phép bán buôn rượu", "Bộ Công Thương trả lời phản ánh, kiến nghị: 1.000106 – Cấp Giấy phép bán buôn rượu"], notices);

        var atom = System.Xml.Linq.XDocument.Parse(await _app.CreateClient().GetStringAsync("/feeds/feedback.atom?agency=BCT"));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var entry = atom.Root!.Elements(ns + "entry").Single();
        Assert.Equal("Bộ Công Thương trả lời phản ánh về 1.000106 – Cấp Giấy phép bán buôn rượu", entry.Element(ns + "title")!.Value);
        Assert.Equal($"http://localhost/feedback/{id}", entry.Element(ns + "link")!.Attribute("href")!.Value);
    }
}
