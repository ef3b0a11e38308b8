using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// The demo's consultations. Dated from the day the demo is loaded: Bộ Công Thương's plan open for comments, a licence
/// open for comments, a closed consultation whose comments are answered (one late, one rated), and closed
/// consultations of four other ministries. Dated in 2023–2025: closed consultations of five or six ministries a year that
/// answer well, late or not at all, so every year's index has something to tell.
/// </summary>
public static class DemoConsultations
{
    // (days after the due day the answer came, or null for none; the commenter's rating, if any)
    private static readonly (int? Answered, bool? Satisfied)[] Diligent = [(-5, true), (-4, true), (-2, false)];
    private static readonly (int? Answered, bool? Satisfied)[] Late = [(6, false), (null, null), (null, null), (null, null)];
    private static readonly (int? Answered, bool? Satisfied)[] Prompt = [(-6, true), (-6, true)];
    private static readonly (int? Answered, bool? Satisfied)[] Mixed = [(-3, null), (-1, true), (4, false)];

    public static async Task LoadAsync(IMediator mediator, Db db, TimeProvider clock)
    {
        var today = clock.Today();
        string Day(int offset) => today.AddDays(offset).ToString(IsoDate.Pattern);
        var planId = await db.Connection.ExecuteScalarAsync<long>("select id from plan where status = 'draft' and agency_id = (select id from agency where code = 'BCT')");

        async Task<long> CreateAsync(string subject, string reference, string title, string summary, int opens, int closes, string agency = "BCT", string? draft = null)
        {
            var id = await mediator.Send(new SaveConsultation.Command
            {
                Agency = agency, Subject = subject, SubjectRef = reference, Title = title, Summary = summary, OpensOn = Day(opens), ClosesOn = Day(closes),
                DraftText = draft,
            });
            await db.Connection.ExecuteAsync("update consultation set published = true where id = @id", new { id });
            return id;
        }

        var plan = await CreateAsync("plan", planId.ToString(), "Lấy ý kiến về phương án cắt giảm, đơn giản hóa quy định kinh doanh năm 2026 của Bộ Công Thương",
            "Bộ Công Thương lấy ý kiến doanh nghiệp, hiệp hội về các quy định dự kiến cắt giảm, đơn giản hóa trước khi trình Thủ tướng Chính phủ.", -5, 25);
        await CreateAsync("regulation", "1.000106", "Lấy ý kiến về đơn giản hóa thủ tục cấp Giấy phép bán buôn rượu",
            "Bộ Công Thương lấy ý kiến về thành phần hồ sơ và thời hạn giải quyết trước khi đề xuất phương án đơn giản hóa. Vướng mắc khi thực hiện thủ tục hiện hành xin gửi qua mục Phản ánh, kiến nghị.", -10, 20);
        var closed = await CreateAsync("regulation", "2.002798", "Lấy ý kiến về thủ tục cấp sửa đổi, bổ sung Giấy phép lập cơ sở bán lẻ",
            "Lấy ý kiến về thành phần hồ sơ và thời hạn giải quyết.", -60, -30);

        var business = await db.Connection.ExecuteScalarAsync<long>("select id from app_user where email = 'doanhnghiep@consult.demo'");
        var lead = await db.Connection.ExecuteScalarAsync<long>("select id from app_user where email = 'lanhdao.bct@consult.demo'");
        Task<long> CommentAsync(long consultation, string stance, string body, int daysAgo) =>
            InsertCommentAsync(db, consultation, business, stance, body, clock.GetUtcNow().AddDays(-daysAgo));

        await CommentAsync(plan, "support", "Doanh nghiệp ủng hộ việc cho phép nộp hồ sơ trực tuyến toàn trình; đề nghị bỏ yêu cầu nộp bản sao có chứng thực.", 2);

        // A draft decree open for comment, read article by article, with comments on a clause and on an article.
        const string draftNumber = "120/2026/NĐ-CP";
        await mediator.Send(new Workspace.SaveLegalDocument.Command
        {
            Number = draftNumber, Title = "Dự thảo Nghị định sửa đổi, bổ sung một số điều về điều kiện kinh doanh rượu", Issuer = "Chính phủ", Status = "draft", Agency = "BCT",
        });
        using var draftFile = new StreamReader(SchemaMigrator.EmbeddedStream("db/demo/draft_decree.txt"));
        var draft = await CreateAsync("document", draftNumber, "Lấy ý kiến dự thảo Nghị định sửa đổi, bổ sung một số điều về điều kiện kinh doanh rượu",
            "Bộ Công Thương lấy ý kiến doanh nghiệp, hiệp hội về dự thảo; góp ý theo từng điều, khoản.", -4, 26, draft: await draftFile.ReadToEndAsync());
        foreach (var (anchor, stance, body) in new[]
        {
            ("dieu-5-khoan-2", "amend", "Đề nghị cho phép doanh nghiệp nhỏ thuê chung kho với doanh nghiệp khác thay cho kho riêng."),
            ("dieu-6", "support", "Ủng hộ việc không yêu cầu bản sao có chứng thực giấy tờ đã có trong cơ sở dữ liệu quốc gia."),
        })
        {
            var commentId = await CommentAsync(draft, stance, body, 1);
            await db.Connection.ExecuteAsync(
                "update comment set item_id = (select id from consultation_item where consultation_id = @draft and anchor = @anchor) where id = @commentId",
                new { draft, anchor, commentId });
        }
        await db.Connection.ExecuteAsync(
            """
            insert into council_opinion (consultation_id, user_id, signed_as, body, published_at)
            select @draft, id, display_name || ', ' || @signature, @body, @at from app_user where email = 'hoidong@consult.demo'
            """,
            new
            {
                draft, signature = CouncilOpinions.Signature, at = clock.GetUtcNow().AddDays(-1),
                body = "Dự thảo giữ yêu cầu kho riêng tối thiểu 50 m2 tại Điều 5 khoản 2 mà chưa đánh giá chi phí tuân thủ cho doanh nghiệp nhỏ; đề nghị cơ quan chủ trì bổ sung ước tính chi phí và cân nhắc cho phép thuê kho chung.",
            });
        var first = await CommentAsync(closed, "amend", "Đề nghị rút thời hạn giải quyết từ 15 xuống 10 ngày làm việc.", 45);
        var second = await CommentAsync(closed, "oppose", "Không đồng ý yêu cầu bổ sung bản vẽ mặt bằng khi chỉ thay đổi tên cơ sở bán lẻ.", 40);
        var calendar = await Calendar.WorkingCalendars.LoadAsync(db, CancellationToken.None);
        var due = AnswerDeadline.Due(today.AddDays(-30), 10, calendar);
        await db.Connection.ExecuteAsync(
            "insert into answer (comment_id, verdict, explanation, answered_on, answered_at, answered_by) values (@comment, @verdict, @explanation, @on, @at, @lead)",
            new[]
            {
                new { comment = first, verdict = "accepted", explanation = "Tiếp thu: dự thảo sửa đổi quy định thời hạn giải quyết là 10 ngày làm việc.", on = due.AddDays(-3).ToString(IsoDate.Pattern), at = clock.GetUtcNow().AddDays(-20), lead },
                new { comment = second, verdict = "partly", explanation = "Tiếp thu một phần: chỉ yêu cầu bản vẽ khi thay đổi diện tích hoặc địa điểm.", on = due.AddDays(2).ToString(IsoDate.Pattern), at = clock.GetUtcNow().AddDays(-10), lead },
            });
        await db.Connection.ExecuteAsync("insert into rating (comment_id, satisfied, remark, rated_at) values (@first, true, 'Giải trình rõ ràng.', @at)",
            new { first, at = clock.GetUtcNow().AddDays(-5) });
    }

    /// <summary>2023 and 2024, before the reorganisation moves the merged ministries' records to their successors.</summary>
    public static async Task LoadPastYearsAsync(IMediator mediator, Db db)
    {
        var setting = await SettingAsync(db);
        foreach (var (year, month, rounds) in new[]
                 {
                     (2023, 9, new[] { ("BYT", Diligent), ("BGTVT", Late), ("BNNPTNT", Prompt), ("BTTTT", Mixed), ("BCT", Diligent) }),
                     (2024, 6, new[] { ("BYT", Mixed), ("BGTVT", Diligent), ("BNNPTNT", Mixed), ("BTTTT", Prompt), ("BCT", Late) }),
                 })
        {
            foreach (var (agency, comments) in rounds)
            {
                var opens = new DateOnly(year, month, 2);
                await ClosedAsync(mediator, db, setting, agency, year - 2022, opens, opens.AddDays(30), comments);
            }
        }
    }

    /// <summary>2025 and this year, after the reorganisation: today's ministries answer.</summary>
    public static async Task LoadSinceReorganisationAsync(IMediator mediator, Db db, TimeProvider clock)
    {
        var setting = await SettingAsync(db);
        var opens2025 = new DateOnly(2025, 6, 2);
        foreach (var (agency, comments) in new[] { ("BYT", Prompt), ("BXD", Mixed), ("BNNMT", Diligent), ("BKHCN", Late), ("BCT", Prompt), ("BTC", Diligent) })
        {
            await ClosedAsync(mediator, db, setting, agency, 3, opens2025, opens2025.AddDays(30), comments);
        }
        var today = clock.Today();
        foreach (var (agency, comments) in new[] { ("BYT", Diligent), ("BXD", Late), ("BNNMT", Prompt), ("BKHCN", Mixed) })
        {
            await ClosedAsync(mediator, db, setting, agency, 0, today.AddDays(-70), today.AddDays(-45), comments);
        }
    }

    /// <summary>Who comments in the demo, and the calendar answer deadlines count in.</summary>
    private sealed record Setting(long Business, WorkingCalendar Calendar);

    private static async Task<Setting> SettingAsync(Db db) => new(
        await db.Connection.ExecuteScalarAsync<long>("select id from app_user where email = 'doanhnghiep@consult.demo'"),
        await Calendar.WorkingCalendars.LoadAsync(db, CancellationToken.None));

    private static Task<long> InsertCommentAsync(Db db, long consultation, long business, string stance, string body, DateTimeOffset at) =>
        db.Connection.ExecuteScalarAsync<long>(
            """
            insert into comment (consultation_id, user_id, stance, respondent_kind, body, body_key, created_at)
            values (@consultation, @business, @stance, 'business', @body, @key, @at) returning id
            """, new { consultation, business, stance, body, key = CommentText.Key(body), at });

    /// <summary>A closed consultation of one agency on one of its regulations (the pick-th), its comments answered as the pattern says.</summary>
    private static async Task ClosedAsync(IMediator mediator, Db db, Setting setting, string agency, int pick, DateOnly opens, DateOnly closes, (int? Answered, bool? Satisfied)[] comments)
    {
        var code = await db.Connection.ExecuteScalarAsync<string>(
            """
            select r.code from regulation r join agency a on a.id = r.agency_id
            where a.code = @agency and r.status = 'in_force' and r.published = true order by r.id limit 1 offset @pick
            """, new { agency, pick }) ?? throw new InvalidOperationException($"Demo: {agency} has no public regulation.");
        var id = await mediator.Send(new SaveConsultation.Command
        {
            Agency = agency, Subject = "regulation", SubjectRef = code, Title = $"Lấy ý kiến về quy định {code}",
            Summary = "Lấy ý kiến doanh nghiệp về thủ tục và chi phí tuân thủ.", OpensOn = opens.ToString(IsoDate.Pattern), ClosesOn = closes.ToString(IsoDate.Pattern),
        });
        await db.Connection.ExecuteAsync("update consultation set published = true where id = @id", new { id });
        var answersDue = AnswerDeadline.Due(closes, 10, setting.Calendar);
        for (var i = 0; i < comments.Length; i++)
        {
            var body = $"Góp ý số {i + 1} về quy định {code}: đề nghị giảm thành phần hồ sơ và cho phép nộp trực tuyến.";
            var comment = await InsertCommentAsync(db, id, setting.Business, i % 2 == 0 ? "amend" : "oppose", body, Noon(opens.AddDays(2 + i)));
            if (comments[i].Answered is not { } days)
            {
                continue;
            }
            var answeredOn = answersDue.AddDays(days);
            await db.Connection.ExecuteAsync(
                "insert into answer (comment_id, verdict, explanation, answered_on, answered_at, answered_by) values (@comment, 'partly', @explanation, @on, @at, null)",
                new { comment, explanation = "Tiếp thu một phần: sẽ rà soát thành phần hồ sơ khi sửa đổi văn bản.", on = answeredOn.ToString(IsoDate.Pattern), at = Noon(answeredOn) });
            if (comments[i].Satisfied is { } satisfied)
            {
                await db.Connection.ExecuteAsync("insert into rating (comment_id, satisfied, remark, rated_at) values (@comment, @satisfied, '', @at)",
                    new { comment, satisfied, at = Noon(answeredOn.AddDays(3)) });
            }
        }
    }

    /// <summary>12:00 in Vietnam on that day.</summary>
    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
}
