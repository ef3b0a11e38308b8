using System.Net;
using System.Text;
using System.Xml.Linq;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Consultations;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>A consultation of Bộ Công Thương on one regulation, open Monday 16 to Friday 20 November 2026.</summary>
public class ConsultationTests(ConsultationTests.LimitedPortal portal) : IClassFixture<ConsultationTests.LimitedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();
    private long _id;

    public sealed class LimitedPortal : SharedPortal
    {
        public LimitedPortal() => Settings["RateLimits:CommentsPerHour"] = "3";
    }

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-11-10T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("BYT-0001", "Cấp giấy chứng nhận sản xuất thuốc", agency: "BYT")));
        await _app.CreateUserAsync("dn@example.vn");
        await _app.CreateUserAsync("hh@example.vn");
        await _app.CreateUserAsync("lanhdao@example.vn", "BCT", Roles.Lead);
        await _app.CreateUserAsync("lanhdao.byt@example.vn", "BYT", Roles.Lead);
        await _app.CreateUserAsync("ratsoat@example.vn", null, Roles.Reviewer);
        _id = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "regulation", SubjectRef = "1.000106", Title = "Lấy ý kiến về thủ tục cấp giấy phép bán buôn rượu",
            OpensOn = "2026-11-16", ClosesOn = "2026-11-20",
        });
        await _app.SendAsync(new ConsultationWindow.Command(_id, "open", 1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> CommentAsync(HttpClient who, string body, string stance = "amend", HttpContent? attachment = null, string fileName = "gop-y.pdf")
    {
        var page = await Accounts.Html(await who.GetAsync("/account"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(stance), "Stance" },
            { new StringContent(body), "Body" },
        };
        if (attachment is not null)
        {
            form.Add(attachment, "Attachment", fileName);
        }
        return await who.PostAsync($"/consultations/{_id}/comments", form);
    }

    private long CommentId(string body) => _app.Scalar<long>("select id from comment where body = @body", new { body });

    [Fact]
    public async Task Comments_are_taken_only_inside_the_window()
    {
        _app.Clock.Set("2026-11-15T23:59");
        var early = await CommentAsync(await _app.SignInAsync("dn@example.vn"), "Góp ý gửi sớm.");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var refused = await Accounts.Html(early);
        Assert.Contains("chưa bắt đầu", refused.Errors().Single());
        // The message says what did not happen: a comment is sent, not saved.
        Assert.Equal("Chưa gửi được góp ý: hãy sửa những điểm sau", refused.QuerySelector(".error-summary h2")!.TextContent);

        _app.Clock.Set("2026-11-20T23:30");
        var business = await _app.SignInAsync("dn@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(business, "Đề nghị rút thời hạn giải quyết còn 10 ngày.")).StatusCode);

        _app.Clock.Set("2026-11-21T00:01");
        var late = await CommentAsync(business, "Góp ý gửi muộn.");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("đã kết thúc", (await Accounts.Html(late)).Errors().Single());
        Assert.Equal(1, _app.Scalar<int>("select count(*) from comment"));
    }

    [Fact]
    public async Task A_regulation_page_leads_to_its_consultations_and_search_marks_it_while_the_window_is_open()
    {
        _app.Clock.Set("2026-11-10T09:00");
        var before = await _app.GetPageAsync("/regulations/1.000106");
        Assert.Contains("Sắp lấy ý kiến", before.QuerySelector("[data-testid=regulation-consultations]")!.TextContent);
        Assert.Null(before.QuerySelector("[data-testid=regulation-consultations] a.button"));
        Assert.Empty((await _app.GetPageAsync("/search?q=1.000106")).QuerySelectorAll("[data-testid=under-consultation]"));

        _app.Clock.Set("2026-11-18T09:00");
        var open = await _app.GetPageAsync("/regulations/1.000106");
        var entry = open.QuerySelector("[data-testid=regulation-consultations] a.button")!;
        Assert.Equal($"/consultations/{_id}#comment-heading", entry.GetAttribute("href"));
        Assert.Contains("còn 2 ngày", entry.TextContent);
        var marked = (await _app.GetPageAsync("/search?q=1.000106")).QuerySelector("[data-testid=under-consultation]")!;
        Assert.Equal($"/consultations/{_id}#comment-heading", marked.GetAttribute("href"));
        // Another agency's regulation is not marked.
        Assert.Empty((await _app.GetPageAsync("/search?q=BYT-0001")).QuerySelectorAll("[data-testid=under-consultation]"));

        _app.Clock.Set("2026-11-25T09:00");
        var past = await _app.GetPageAsync("/regulations/1.000106");
        Assert.Contains("Lấy ý kiến về thủ tục cấp giấy phép bán buôn rượu", past.QuerySelector("[data-testid=regulation-consultations]")!.TextContent);
        Assert.Null(past.QuerySelector("[data-testid=regulation-consultations] a.button"));
        Assert.Empty((await _app.GetPageAsync("/search?q=1.000106")).QuerySelectorAll("[data-testid=under-consultation]"));
    }

    [Fact]
    public async Task An_author_withdraws_their_own_comment_only_while_the_window_is_open_and_it_stays_in_the_record()
    {
        _app.Clock.Set("2026-11-17T09:00");
        var business = await _app.SignInAsync("dn@example.vn");
        await CommentAsync(business, "Đề nghị bỏ yêu cầu bản sao công chứng.");
        await CommentAsync(await _app.SignInAsync("hh@example.vn"), "Hiệp hội đề nghị giữ nguyên.");
        var mine = _app.Scalar<long>("select m.id from comment m join app_user u on u.id = m.user_id where u.email = 'dn@example.vn'");
        var other = _app.Scalar<long>("select m.id from comment m join app_user u on u.id = m.user_id where u.email = 'hh@example.vn'");

        // Someone else's comment cannot be withdrawn; one's own asks first.
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostFormAsync("/account", $"/consultations/{_id}/comments/{other}/withdraw", new() { ["confirmed"] = "true" })).StatusCode);
        var asked = await business.PostFormAsync("/account", $"/consultations/{_id}/comments/{mine}/withdraw", new());
        Assert.Contains("Rút ý kiến này?", (await Accounts.Html(asked)).QuerySelector("h1")!.TextContent);
        Assert.Null(_app.Scalar<string?>("select withdrawn_at from comment where id = @mine", new { mine }));

        var done = await business.PostFormAsync("/account", $"/consultations/{_id}/comments/{mine}/withdraw", new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var page = await _app.GetPageAsync($"/consultations/{_id}");
        Assert.Contains("Người gửi đã rút ý kiến này ngày 17/11/2026", page.QuerySelector($"#comment-{mine}")!.TextContent);
        Assert.Contains("Đề nghị bỏ yêu cầu bản sao công chứng.", page.QuerySelector($"#comment-{mine}")!.TextContent);
        var api = await _app.GetJsonAsync($"/api/v1/consultations/{_id}");
        Assert.Equal(2, api.GetProperty("counts").GetProperty("comments").GetInt32());
        Assert.Equal(1, api.GetProperty("counts").GetProperty("withdrawn").GetInt32());

        // After the close nothing is withdrawn, and the withdrawn comment needs no answer.
        await CommentAsync(business, "Góp ý thứ hai.");
        var second = _app.Scalar<long>("select max(id) from comment");
        _app.Clock.Set("2026-11-21T09:00");
        business = await _app.SignInAsync("dn@example.vn");
        var refused = await business.PostFormAsync("/account", $"/consultations/{_id}/comments/{second}/withdraw", new() { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("không rút được", (await Accounts.Html(refused)).Body!.TextContent);
        Assert.Null(_app.Scalar<string?>("select withdrawn_at from comment where id = @second", new { second }));
        var lead = await Accounts.Html(await (await _app.SignInAsync("lanhdao@example.vn")).GetAsync($"/consultations/{_id}"));
        Assert.NotNull(lead.QuerySelector($"#comment-{second} a[href$='/answer']"));
        Assert.Null(lead.QuerySelector($"#comment-{mine} a[href$='/answer']"));
    }

    [Fact]
    public async Task Ending_early_or_extending_needs_a_public_reason_and_only_the_lead_of_the_agency_may()
    {
        _app.Clock.Set("2026-11-17T09:00");
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var noReason = await lead.PostFormAsync($"/consultations/{_id}/extend", $"/consultations/{_id}/extend", new() { ["ExpectedVersion"] = "2", ["ClosesOn"] = "27/11/2026" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains(Accounts.Errors(await Accounts.Html(noReason)), e => e.StartsWith("Nêu lý do"));
        var earlier = await lead.PostFormAsync($"/consultations/{_id}/extend", $"/consultations/{_id}/extend", new() { ["ExpectedVersion"] = "2", ["ClosesOn"] = "19/11/2026", ["Reason"] = "Thử" });
        Assert.Contains(Accounts.Errors(await Accounts.Html(earlier)), e => e.Contains("phải sau ngày 20/11/2026"));
        var otherLead = await _app.SignInAsync("lanhdao.byt@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherLead.PostFormAsync("/account", $"/consultations/{_id}/close_early", new() { ["ExpectedVersion"] = "2", ["Reason"] = "Không phải của tôi" })).StatusCode);
        Assert.Equal("2026-11-20", _app.Scalar<string>("select closes_on from consultation where id = @_id", new { _id }));

        var extended = await lead.PostFormAsync($"/consultations/{_id}/extend", $"/consultations/{_id}/extend",
            new() { ["ExpectedVersion"] = "2", ["ClosesOn"] = "27/11/2026", ["Reason"] = "Nhiều hiệp hội đề nghị thêm thời gian." });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        _app.Clock.Set("2026-11-24T09:00");
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(await _app.SignInAsync("dn@example.vn"), "Góp ý trong thời gian gia hạn.")).StatusCode);
        lead = await _app.SignInAsync("lanhdao@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/consultations/{_id}/close_early", $"/consultations/{_id}/close_early",
            new() { ["ExpectedVersion"] = "3", ["Reason"] = "Đã đủ ý kiến để hoàn thiện dự thảo." })).StatusCode);

        var page = await _app.GetPageAsync($"/consultations/{_id}");
        var changes = page.QuerySelectorAll("[data-testid=window-change]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Ngày 17/11/2026: từ 20/11/2026 đến 27/11/2026. Lý do: Nhiều hiệp hội đề nghị thêm thời gian.", changes[0]);
        Assert.Equal("Ngày 24/11/2026, trước ngày kết thúc dự kiến 27/11/2026. Lý do: Đã đủ ý kiến để hoàn thiện dự thảo.", changes[1]);
        Assert.Equal("Đã kết thúc, đang giải trình", page.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/consultations/{_id}/extend")).StatusCode);
    }

    [Fact]
    public async Task A_reissued_draft_opens_a_new_round_linked_both_ways_and_the_first_rounds_comments_stay_public()
    {
        _app.Clock.Set("2026-11-17T09:00");
        await CommentAsync(await _app.SignInAsync("dn@example.vn"), "Ý kiến ở vòng đầu.");
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        // Not while the first round is open.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/consultations/{_id}/next-round")).StatusCode);

        _app.Clock.Set("2026-11-23T09:00");
        lead = await _app.SignInAsync("lanhdao@example.vn");
        var form = await Accounts.Html(await lead.GetAsync($"/consultations/{_id}/next-round"));
        Assert.Equal(_id.ToString(), form.QuerySelector("input[name=PreviousId]")!.GetAttribute("value"));
        Assert.Equal("1.000106", form.QuerySelector("input[name=SubjectRef]")!.GetAttribute("value"));
        var fields = new Dictionary<string, string>
        {
            ["Agency"] = "BCT", ["Subject"] = "regulation", ["SubjectRef"] = "1.000106", ["Title"] = "Lấy ý kiến lần hai về dự thảo đã chỉnh lý",
            ["OpensOn"] = "24/11/2026", ["ClosesOn"] = "08/12/2026", ["PreviousId"] = _id.ToString(),
        };
        var saved = await lead.PostFormAsync($"/consultations/{_id}/next-round", "/consultations", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var second = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);

        var again = await lead.PostFormAsync("/account", "/consultations", fields);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(Accounts.Errors(await Accounts.Html(again)), e => e.Contains("một vòng tiếp theo"));

        // The public sees the link once the new round is published.
        Assert.Null((await _app.GetPageAsync($"/consultations/{_id}")).QuerySelector("[data-testid=next-round]"));
        await _app.SendAsync(new ConsultationWindow.Command(second, "open", 1));
        var first = await _app.GetPageAsync($"/consultations/{_id}");
        Assert.Equal($"/consultations/{second}", first.QuerySelector("[data-testid=next-round] a")!.GetAttribute("href"));
        Assert.Contains("Ý kiến ở vòng đầu.", first.QuerySelector("[data-testid=comments]")!.TextContent);
        var byLead = await Accounts.Html(await lead.GetAsync($"/consultations/{second}"));
        Assert.Equal($"/consultations/{_id}", byLead.QuerySelector("[data-testid=previous-round] a")!.GetAttribute("href"));

        // A lead of another agency cannot continue this agency's consultation.
        var other = await _app.SignInAsync("lanhdao.byt@example.vn");
        fields["Agency"] = "BYT";
        fields["SubjectRef"] = "BYT-0001";
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync("/account", "/consultations", fields)).StatusCode);
    }

    private const string Draft = """
        NGHỊ ĐỊNH SỬA ĐỔI NGHỊ ĐỊNH 105/2017/NĐ-CP
        Căn cứ Luật Tổ chức Chính phủ;
        Chương I
        QUY ĐỊNH CHUNG
        Điều 1. Phạm vi điều chỉnh
        Nghị định này sửa đổi điều kiện kinh doanh rượu.
        Chương II
        ĐIỀU KIỆN KINH DOANH
        Điều 5. Điều kiện bán buôn rượu
        1. Là doanh nghiệp được thành lập theo quy định của pháp luật.
        2. Có kho hàng hoặc hợp đồng thuê kho:
        a) Diện tích từ 50 m2 trở lên;
        b) Có thiết bị bảo quản phù hợp.
        """;

    [Fact]
    public async Task A_draft_is_read_article_by_article_comments_anchor_to_a_clause_and_counts_are_per_article()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var fields = new Dictionary<string, string>
        {
            ["Agency"] = "BCT", ["Subject"] = "document", ["SubjectRef"] = "105/2017/NĐ-CP", ["Title"] = "Lấy ý kiến dự thảo Nghị định sửa đổi",
            ["OpensOn"] = "16/11/2026", ["ClosesOn"] = "30/11/2026", ["DraftText"] = "Dự thảo chưa chia điều.",
        };
        var noArticles = await lead.PostFormAsync("/consultations/new", "/consultations", fields);
        Assert.Contains(Accounts.Errors(await Accounts.Html(noArticles)), e => e.StartsWith("Không tìm thấy điều nào"));
        fields["DraftText"] = Draft;
        var created = await lead.PostFormAsync("/consultations/new", "/consultations", fields);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await _app.SendAsync(new ConsultationWindow.Command(id, "open", 1));

        _app.Clock.Set("2026-11-17T09:00");
        var page = await _app.GetPageAsync($"/consultations/{id}");
        Assert.Equal(["Điều 1. Phạm vi điều chỉnh", "Điều 5. Điều kiện bán buôn rượu"],
            page.QuerySelectorAll("[data-testid=draft-article] h4").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.Equal("Chương II. ĐIỀU KIỆN KINH DOANH", page.QuerySelectorAll("[data-testid=draft] h3")[1].TextContent);
        var clauseLink = page.QuerySelector("#dieu-5-khoan-2 a")!.GetAttribute("href")!;

        var business = await _app.SignInAsync("dn@example.vn");
        var form = await Accounts.Html(await business.GetAsync($"/consultations/{id}{clauseLink.Split('#')[0]}"));
        var picked = form.QuerySelector("select[name=ItemId] option[selected]")!;
        Assert.Equal("Điều 5 khoản 2", picked.TextContent);
        var comment = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("amend"), "Stance" },
            { new StringContent("Đề nghị bỏ yêu cầu diện tích kho tối thiểu."), "Body" },
            { new StringContent(picked.GetAttribute("value")!), "ItemId" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostAsync($"/consultations/{id}/comments", comment)).StatusCode);

        var after = await _app.GetPageAsync($"/consultations/{id}");
        Assert.Equal(["0 ý kiến", "1 ý kiến"], after.QuerySelectorAll("[data-testid=article-count]").Select(c => c.TextContent));
        Assert.Contains("về Điều 5 khoản 2", after.QuerySelector("[data-testid=comments]")!.TextContent);
        var report = await _app.GetPageAsync($"/consultations/{id}/report");
        Assert.Equal(["0", "1"], report.QuerySelectorAll("[data-testid=by-article] td").Select(c => c.TextContent));
    }

    private static byte[] Docx(string text)
    {
        using var memory = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(memory, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                text.Split('\n').Select(line => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                    new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line.Trim()))))));
        }
        return memory.ToArray();
    }

    [Fact]
    public async Task A_draft_uploaded_as_docx_is_split_like_pasted_text_and_its_papers_are_public_downloads_once_published()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var token = (await Accounts.Html(await lead.GetAsync("/consultations/new"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        MultipartFormDataContent Form(byte[] draft, byte[] report) => new()
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("BCT"), "Agency" }, { new StringContent("document"), "Subject" }, { new StringContent("105/2017/NĐ-CP"), "SubjectRef" },
            { new StringContent("Lấy ý kiến dự thảo tải lên"), "Title" }, { new StringContent("16/11/2026"), "OpensOn" }, { new StringContent("30/11/2026"), "ClosesOn" },
            { new ByteArrayContent(draft), "DraftFile", "du-thao.docx" },
            { new ByteArrayContent(report), "ExplanatoryReport", "to-trinh.pdf" },
        };
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% tờ trình\n");

        var bad = await lead.PostAsync("/consultations", Form(pdf, System.Text.Encoding.UTF8.GetBytes("không phải PDF")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = Accounts.Errors(await Accounts.Html(bad));
        Assert.Contains(errors, e => e.StartsWith("Dự thảo tải lên phải là tệp Word"));
        Assert.Contains(errors, e => e.Contains("chỉ nhận tệp PDF hoặc DOCX"));

        var saved = await lead.PostAsync("/consultations", Form(Docx(Draft), pdf));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = long.Parse(saved.Headers.Location!.OriginalString.Split('/')[^1]);
        var preview = await Accounts.Html(await lead.GetAsync($"/consultations/{id}"));
        Assert.Equal(2, preview.QuerySelectorAll("[data-testid=draft-article]").Length);
        var download = preview.QuerySelector("[data-testid=papers] a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("lanhdao.byt@example.vn")).GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(download)).StatusCode); // the agency checks its papers before publishing

        await _app.SendAsync(new ConsultationWindow.Command(id, "open", 1));
        var file = await _app.CreateClient().GetAsync(download);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("Tờ trình", (await _app.GetPageAsync($"/consultations/{id}")).QuerySelector("[data-testid=papers]")!.TextContent);
    }

    [Fact]
    public async Task Answers_are_due_ten_working_days_after_the_close_and_lateness_is_public_per_agency()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        await CommentAsync(business, "Ý kiến thứ nhất về hồ sơ.");
        await CommentAsync(business, "Ý kiến thứ hai về lệ phí cấp phép.");
        await CommentAsync(business, "Ý kiến thứ ba về thời hạn của giấy phép.");

        async Task AnswerAsync(string body) => Assert.Equal(HttpStatusCode.Redirect, (await (await _app.SignInAsync("lanhdao@example.vn")).PostFormAsync("/account",
            $"/consultations/{_id}/comments/{CommentId(body)}/answer", new() { ["Verdict"] = "accepted", ["Explanation"] = "Tiếp thu, sẽ sửa tại dự thảo." })).StatusCode);

        _app.Clock.Set("2026-12-04T16:00"); // Friday 4 December: the due day (20/11 + 10 working days)
        await AnswerAsync("Ý kiến thứ nhất về hồ sơ.");
        _app.Clock.Set("2026-12-05T10:00"); // Saturday: one left unanswered is now overdue
        var table = await _app.GetPageAsync("/consultations/answers");
        Assert.Equal(["Bộ Công Thương", "3", "1", "0", "2", "0", "0 / 0"], table.QuerySelectorAll("[data-testid=timeliness] tbody tr")[0].Children.Select(c => c.TextContent.Trim()));

        _app.Clock.Set("2026-12-07T09:00"); // Monday
        await AnswerAsync("Ý kiến thứ hai về lệ phí cấp phép.");
        table = await _app.GetPageAsync("/consultations/answers");
        Assert.Equal(["Bộ Công Thương", "3", "1", "1", "1", "0", "0 / 0"], table.QuerySelectorAll("[data-testid=timeliness] tbody tr")[0].Children.Select(c => c.TextContent.Trim()));
        var page = await _app.GetPageAsync($"/consultations/{_id}");
        Assert.Contains("04/12/2026", page.QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task Only_the_agency_lead_answers_after_the_close_with_an_explanation_and_only_the_author_rates_once()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        await CommentAsync(business, "Đề nghị bỏ yêu cầu bản sao có chứng thực.");
        var commentId = CommentId("Đề nghị bỏ yêu cầu bản sao có chứng thực.");
        var answer = new Dictionary<string, string> { ["Verdict"] = "partly", ["Explanation"] = "Tiếp thu một phần: chấp nhận bản chụp." };
        var answerUrl = $"/consultations/{_id}/comments/{commentId}/answer";

        Assert.Equal(HttpStatusCode.BadRequest, (await (await _app.SignInAsync("lanhdao@example.vn")).PostFormAsync("/account", answerUrl, new(answer))).StatusCode); // still open
        _app.Clock.Set("2026-11-23T09:00");
        business = await _app.SignInAsync("dn@example.vn");
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        var otherMinistry = await _app.SignInAsync("lanhdao.byt@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherMinistry.PostFormAsync("/account", answerUrl, new(answer))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await business.PostFormAsync("/account", answerUrl, new(answer))).StatusCode);
        var empty = await lead.PostFormAsync("/account", answerUrl, new(answer) { ["Explanation"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains((await Accounts.Html(empty)).Errors(), e => e.Contains("giải trình"));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/account", answerUrl, new(answer))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.PostFormAsync("/account", answerUrl, new(answer))).StatusCode);

        var rateUrl = $"/consultations/{_id}/comments/{commentId}/rate";
        var association = await _app.SignInAsync("hh@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await association.PostFormAsync("/account", rateUrl, new() { ["Satisfied"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await business.PostFormAsync("/account", rateUrl, new() { ["Satisfied"] = "true", ["Remark"] = "Rõ ràng." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await business.PostFormAsync("/account", rateUrl, new() { ["Satisfied"] = "false" })).StatusCode);

        var report = await _app.GetPageAsync($"/consultations/{_id}/report");
        var row = report.QuerySelectorAll("[data-testid=summary] tbody tr").Single().TextContent;
        Assert.Contains("Tiếp thu một phần", row);
        Assert.Contains("Hài lòng", row);
        var csv = await _app.CreateClient().GetStringAsync($"/consultations/{_id}/report?format=csv");
        Assert.Contains("chấp nhận bản chụp", csv);
        Assert.Contains("hài lòng", csv);
        Assert.Equal("Đã giải trình", report.QuerySelector("p")!.TextContent.Split("Tình trạng: ")[1].TrimEnd('.'));
    }

    [Fact]
    public async Task Html_and_script_in_a_comment_are_shown_as_text_and_links_are_not_followed()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        const string body = "<script>alert('x')</script><img src=x onerror=alert(1)> Xem https://example.vn/du-thao.";
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(business, body)).StatusCode);

        var response = await _app.CreateClient().GetAsync($"/consultations/{_id}");
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await Accounts.Html(response);
        var comment = page.QuerySelector(".comment-body")!;
        Assert.Empty(comment.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert('x')</script>", comment.TextContent);
        var link = comment.QuerySelector("a")!;
        Assert.Equal("https://example.vn/du-thao", link.GetAttribute("href"));
        Assert.Contains("nofollow", link.GetAttribute("rel"));
    }

    [Fact]
    public async Task Disguised_and_oversized_attachments_are_refused_and_a_real_pdf_is_served_as_a_download()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        var exe = await CommentAsync(business, "Kèm tệp giả.", attachment: new ByteArrayContent(Encoding.ASCII.GetBytes("MZ\u0090 not a pdf")), fileName: "gop-y.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains((await Accounts.Html(exe)).Errors(), e => e.Contains("PDF hoặc DOCX"));

        var big = new byte[10 * 1024 * 1024 + 10];
        "%PDF-1.7"u8.CopyTo(big);
        var oversized = await CommentAsync(business, "Kèm tệp quá lớn.", attachment: new ByteArrayContent(big));
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Contains((await Accounts.Html(oversized)).Errors(), e => e.Contains("10 MB"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from comment"));

        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(business, "Kèm bản PDF góp ý chi tiết.", attachment: new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj")), fileName: "<b>gop y</b>.pdf")).StatusCode);
        var id = _app.Scalar<long>("select attachment_id from comment");
        var file = await _app.CreateClient().GetAsync($"/attachments/{id}");
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "attachments")));

        // Finding 11: a PDF named evil.html is served under a name of the portal's with the checked extension.
        await _app.CreateUserAsync("hiephoi@example.vn");
        var association = await _app.SignInAsync("hiephoi@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(association, "Kèm bản PDF thứ hai, khác hẳn.", attachment: new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n2 0 obj")), fileName: "evil.html")).StatusCode);
        var second = _app.Scalar<long>("select max(attachment_id) from comment");
        var served = await _app.CreateClient().GetAsync($"/attachments/{second}");
        Assert.Equal($"tep-dinh-kem-{second}.pdf", served.Content.Headers.ContentDisposition!.FileNameStar ?? served.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.DoesNotContain("evil", served.Content.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task Repeats_are_refused_or_flagged_and_a_flood_is_stopped()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        await CommentAsync(business, "Đề nghị bỏ yêu cầu xác nhận của Sở Công Thương đối với hồ sơ cấp lại giấy phép.");
        var again = await CommentAsync(business, "đề nghị bỏ yêu cầu xác nhận của sở công thương đối với hồ sơ cấp lại giấy phép!!");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var association = await _app.SignInAsync("hh@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(association, "Đề nghị bỏ yêu cầu xác nhận của Sở Công Thương đối với hồ sơ cấp lại giấy phép.")).StatusCode);
        Assert.Equal(1, _app.Scalar<int>("select count(*) from comment where repeat_of is not null"));
        Assert.Contains("Trùng lặp", (await _app.GetPageAsync($"/consultations/{_id}")).QuerySelectorAll(".comment")[1].TextContent);

        await CommentAsync(association, "Ý kiến thứ hai của hiệp hội về lệ phí.");
        await CommentAsync(association, "Ý kiến thứ ba của hiệp hội về thời hạn.");
        var flood = await CommentAsync(association, "Ý kiến thứ tư của hiệp hội về mẫu đơn.");
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        Assert.Equal(4, _app.Scalar<int>("select count(*) from comment"));
    }

    [Fact]
    public async Task A_moderator_hides_a_comment_with_a_public_reason_and_it_stays_counted()
    {
        _app.Clock.Set("2026-11-18T10:00");
        var business = await _app.SignInAsync("dn@example.vn");
        await CommentAsync(business, "Nội dung xúc phạm cán bộ.", stance: "oppose");
        var commentId = CommentId("Nội dung xúc phạm cán bộ.");
        var association = await _app.SignInAsync("hh@example.vn");
        await association.PostFormAsync("/account", $"/consultations/{_id}/comments/{commentId}/report", new() { ["Reason"] = "Ngôn từ xúc phạm." });

        Assert.Equal(HttpStatusCode.Forbidden, (await association.PostFormAsync("/account", $"/consultations/{_id}/comments/{commentId}/hide", new() { ["Reason"] = "x" })).StatusCode);
        var reviewer = await _app.SignInAsync("ratsoat@example.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostFormAsync("/account", $"/consultations/{_id}/comments/{commentId}/hide", new() { ["Reason"] = "Vi phạm quy tắc ứng xử: ngôn từ xúc phạm." })).StatusCode);

        var page = await _app.GetPageAsync($"/consultations/{_id}");
        Assert.Contains("Vi phạm quy tắc ứng xử", page.QuerySelector("[data-testid=hidden-reason]")!.TextContent);
        Assert.DoesNotContain("xúc phạm cán bộ", page.QuerySelector("[data-testid=comments]")!.TextContent);
        var json = await _app.GetJsonAsync($"/api/v1/consultations/{_id}");
        var comment = json.GetProperty("comments")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, comment.GetProperty("text").ValueKind);
        Assert.Equal(1, json.GetProperty("counts").GetProperty("comments").GetInt32());
        Assert.Equal(1, json.GetProperty("counts").GetProperty("byStance").GetProperty("oppose").GetInt32());
    }

    [Fact]
    public async Task Followers_are_notified_in_the_site_and_by_a_daily_digest_and_feeds_list_open_consultations()
    {
        var business = await _app.SignInAsync("dn@example.vn");
        var agencyId = _app.Scalar<long>("select id from agency where code = 'BCT'");
        await business.PostFormAsync("/account", "/follow", new() { ["target"] = "agency", ["targetId"] = agencyId.ToString(), ["on"] = "true" });
        var second = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "regulation", SubjectRef = "1.000106", Title = "Lấy ý kiến lần hai", OpensOn = "2026-11-16", ClosesOn = "2026-11-30",
        });
        await _app.SendAsync(new ConsultationWindow.Command(second, "open", 1));

        var notifications = await Accounts.Html(await business.GetAsync("/account/notifications"));
        Assert.Contains("Đang lấy ý kiến: Lấy ý kiến lần hai", notifications.QuerySelector("[data-testid=notifications]")!.TextContent);
        using (var scope = _app.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(CancellationToken.None));
        }
        Assert.Single(Directory.GetFiles(Path.Combine(_app.DataDirectory, "mail")));

        _app.Clock.Set("2026-11-18T10:00");
        var feed = XDocument.Parse(await _app.CreateClient().GetStringAsync("/feeds/consultations.atom?agency=BCT"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(2, feed.Root!.Elements(atom + "entry").Count());
    }
}
