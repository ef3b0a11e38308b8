using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Features.Calendar;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Feedback;

/// <summary>
/// The demo's feedback, dated from the day the demo is loaded, one in every status: with Bộ Công Thương and not yet
/// due, overdue, offered to Bộ Y tế, answered on time and rated, transferred then answered late and rated, hidden, and
/// one a provincial office compiled.
/// </summary>
public static class DemoFeedback
{
    private sealed record Step(string Kind, string? From, string? To, string Note, int DaysAgo);

    public static async Task LoadAsync(Db db, TimeProvider clock)
    {
        var today = clock.Today();
        var calendar = await WorkingCalendars.LoadAsync(db, CancellationToken.None);
        var users = (await db.Connection.QueryAsync<(string Email, long Id)>("select email, id from app_user where email like '%@consult.demo'", transaction: db.Transaction))
            .ToDictionary(u => u.Email, u => u.Id);
        var agencies = (await db.Connection.QueryAsync<(string Code, int Id)>("select code, id from agency", transaction: db.Transaction)).ToDictionary(a => a.Code, a => a.Id);
        var byt = await db.Connection.ExecuteScalarAsync<string>(
            "select r.code from regulation r join agency a on a.id = r.agency_id where a.code = 'BYT' and r.status = 'in_force' and r.published = true order by r.id limit 1",
            transaction: db.Transaction) ?? throw new InvalidOperationException("Demo: Bộ Y tế has no public regulation.");

        async Task<long> FileAsync(string regulation, string agency, int daysAgo, string problem, string proposal, string author = "doanhnghiep@consult.demo", string? province = null,
            Step[]? steps = null, (string Text, int DaysAgo)? answer = null, bool? satisfied = null, string? hidden = null)
        {
            var filed = today.AddDays(-daysAgo);
            // The deadline runs from the day the feedback reached the agency that must answer: filing, or the last acceptance.
            var reached = steps?.LastOrDefault(s => s.Kind == "accept") is { } accepted ? today.AddDays(-accepted.DaysAgo) : filed;
            var pending = steps?.LastOrDefault() is { Kind: "transfer" } offered ? agencies[offered.To!] : (int?)null;
            var id = await db.Connection.ExecuteScalarAsync<long>(
                """
                insert into feedback (regulation_id, agency_id, user_id, respondent_kind, province_code, problem, proposal, filed_on, filed_at, answer_due, transfer_to,
                    answer, answered_on, satisfied, rated_at, hidden_at, hidden_reason)
                select r.id, @agencyId, u.id, u.user_kind, @province, @problem, @proposal, @filedOn, @filedAt, @due, @pending,
                    @answerText, @answeredOn, @satisfied, case when @satisfied is null then null else @filedAt end, case when @hidden is null then null else @filedAt end, @hidden
                from regulation r, app_user u where r.code = @regulation and u.id = @userId
                returning id
                """,
                new
                {
                    agencyId = agencies[agency], province, problem, proposal, filedOn = filed.ToString(IsoDate.Pattern), filedAt = Noon(filed),
                    due = WorkingDays.Add(reached, 10, calendar).ToString(IsoDate.Pattern), pending, answerText = answer?.Text,
                    answeredOn = answer is { } a ? today.AddDays(-a.DaysAgo).ToString(IsoDate.Pattern) : null, satisfied, hidden, regulation, userId = users[author],
                }, db.Transaction);
            var history = new List<Step> { new("filed", null, steps?.FirstOrDefault()?.From ?? agency, "", daysAgo) };
            history.AddRange(steps ?? []);
            if (answer is { } given)
            {
                history.Add(new Step("answer", agency, null, "", given.DaysAgo));
            }
            if (satisfied is { } s)
            {
                history.Add(new Step("rate", null, null, s ? "Hài lòng" : "Không hài lòng", (answer?.DaysAgo ?? 0) - 1));
            }
            if (hidden is not null)
            {
                history.Add(new Step("hide", null, null, hidden, daysAgo - 1));
            }
            foreach (var step in history)
            {
                var on = today.AddDays(-step.DaysAgo);
                await db.Connection.ExecuteAsync(FeedbackStore.EventSql, new
                {
                    id, kind = step.Kind, from = step.From is null ? (int?)null : agencies[step.From], to = step.To is null ? (int?)null : agencies[step.To], note = step.Note,
                    today = on.ToString(IsoDate.Pattern), now = Noon(on), userId = (long?)null,
                }, db.Transaction);
            }
            return id;
        }

        await FileAsync("1.000106", "BCT", 3, "Hồ sơ phải nộp bản sao có chứng thực đăng ký doanh nghiệp dù thông tin đã có trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
            "Bỏ yêu cầu nộp bản sao đăng ký doanh nghiệp; cơ quan cấp phép tự tra cứu.");
        await FileAsync("1.000106", "BCT", 40, "Thời hạn cấp phép 15 ngày làm việc nhưng thực tế thường kéo dài hơn một tháng vì phải lấy ý kiến nhiều đơn vị.",
            "Quy định rõ thời hạn lấy ý kiến liên ngành và cho phép nộp, nhận kết quả trực tuyến.");
        await FileAsync("1.000106", "BCT", 5, "Yêu cầu chứng nhận an toàn thực phẩm cho kho chứa rượu đóng chai trùng với điều kiện kho hàng đã được kiểm tra.",
            "Bỏ yêu cầu chứng nhận an toàn thực phẩm riêng cho kho rượu đóng chai.",
            steps: [new Step("transfer", "BCT", "BYT", "Nội dung về an toàn thực phẩm thuộc phạm vi quản lý của Bộ Y tế.", 2)]);
        await FileAsync(byt, "BYT", 30, "Mẫu tờ khai không có hướng dẫn ghi các trường thông tin về cơ sở sản xuất.",
            "Ban hành hướng dẫn ghi tờ khai kèm ví dụ.", answer: ("Tiếp thu: Bộ Y tế đã đăng hướng dẫn ghi tờ khai kèm ví dụ trên Cổng dịch vụ công.", 24), satisfied: true);
        await FileAsync("1.000106", "BYT", 60, "Doanh nghiệp phải xin xác nhận công bố sản phẩm cho từng lô rượu nhập khẩu cùng loại.",
            "Cho phép công bố một lần cho sản phẩm cùng loại, cùng nhà sản xuất.",
            steps: [new Step("transfer", "BCT", "BYT", "Công bố sản phẩm thuộc Bộ Y tế.", 58), new Step("accept", "BCT", "BYT", "", 56)],
            answer: ("Tiếp thu một phần: Bộ Y tế sẽ nghiên cứu khi sửa nghị định về an toàn thực phẩm.", 20), satisfied: false);
        await FileAsync("1.000106", "BCT", 12, "Nội dung không liên quan đến quy định, có lời lẽ xúc phạm cán bộ.", "Không có kiến nghị cụ thể.",
            hidden: "Lời lẽ xúc phạm, không liên quan đến quy định.");
        await FileAsync("1.000106", "BCT", 8, "Doanh nghiệp trên địa bàn phản ánh phải nộp hồ sơ giấy tại Hà Nội dù đã có dịch vụ công trực tuyến.",
            "Cho phép nộp và nhận kết quả hoàn toàn trực tuyến.", author: "vanphong.hcm@consult.demo", province: "79");
    }

    /// <summary>12:00 in Vietnam on that day.</summary>
    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
}
