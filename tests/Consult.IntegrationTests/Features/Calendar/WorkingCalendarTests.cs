using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Consultations;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Calendar;

/// <summary>Answer deadlines count the government's working days: Tết and the swapped days are skipped.</summary>
public class WorkingCalendarTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();
    private long _id;

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-02-02T09:00");
        await _app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        await _app.CreateUserAsync("quantri@example.vn", null, Roles.Admin);
        await _app.CreateUserAsync("lanhdao@example.vn", "BCT", Roles.Lead);
        // Closes on Friday 13 February 2026, the last working day before Tết Bính Ngọ.
        _id = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "regulation", SubjectRef = "1.000106", Title = "Lấy ý kiến về giấy phép bán buôn rượu",
            OpensOn = "2026-02-03", ClosesOn = "2026-02-13",
        });
        await _app.SendAsync(new ConsultationWindow.Command(_id, "open", 1));
        _app.Clock.Set("2026-02-14T09:00");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string?> AnswersDueAsync() =>
        (await _app.GetJsonAsync($"/api/v1/consultations/{_id}")).GetProperty("answersDue").GetString();

    [Fact]
    public async Task Answers_to_a_consultation_closing_before_Tet_are_due_ten_working_days_after_the_break()
    {
        Assert.Equal(1, _app.Scalar<int>("select count(*) from calendar_day where day = '2026-02-16' and kind = 'off'"));
        Assert.Equal("2026-03-06", await AnswersDueAsync());
        Assert.Contains("06/03/2026", (await _app.GetPageAsync($"/consultations/{_id}")).QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task An_administrator_adds_a_day_off_and_the_deadline_moves_and_a_weekday_cannot_be_a_make_up_day()
    {
        var admin = await _app.SignInAsync("quantri@example.vn");
        var added = await admin.PostFormAsync("/admin/calendar", "/admin/calendar", new()
        {
            ["Day"] = "02/03/2026", ["Kind"] = "off", ["Name"] = "Nghỉ thử nghiệm", ["Source"] = "Kiểm thử",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("2026-03-09", await AnswersDueAsync());
        var calendar = await Accounts.Html(await admin.GetAsync("/admin/calendar"));
        Assert.Contains("Thứ Hai 02/03/2026", calendar.QuerySelector("[data-testid=calendar-2026]")!.TextContent);
        Assert.Null(calendar.QuerySelector("[data-testid=calendar-2025]"));
        var year2027 = await Accounts.Html(await admin.GetAsync("/admin/calendar?year=2027"));
        Assert.Contains("Thứ Sáu 16/04/2027", year2027.QuerySelector("[data-testid=calendar-2027]")!.TextContent);

        var refused = await admin.PostFormAsync("/admin/calendar", "/admin/calendar", new()
        {
            ["Day"] = "2026-03-03", ["Kind"] = "worked", ["Name"] = "Làm bù", ["Source"] = "Kiểm thử",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await Accounts.Html(refused);
        Assert.Contains("chỉ thứ Bảy hoặc Chủ nhật", form.Body!.TextContent);
        Assert.Equal("03/03/2026", form.QuerySelector("input[name=Day]")!.GetAttribute("value")); // the day typed, shown the Vietnamese way
        Assert.Equal(0, _app.Scalar<int>("select count(*) from calendar_day where day = '2026-03-03'"));

        var removed = await admin.PostFormAsync("/admin/calendar", "/admin/calendar/2026-03-02/remove", new());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("2026-03-06", await AnswersDueAsync());
    }

    [Fact]
    public async Task Only_administrators_edit_the_calendar()
    {
        var lead = await _app.SignInAsync("lanhdao@example.vn");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/admin/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostFormAsync("/account", "/admin/calendar/2026-02-16/remove", new())).StatusCode);
        Assert.Equal(1, _app.Scalar<int>("select count(*) from calendar_day where day = '2026-02-16'"));
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Every_shipped_year_has_Tet_the_Hung_Kings_day_and_National_Day_off(int year)
    {
        int Off(string name) => _app.Scalar<int>(
            "select count(*) from calendar_day where kind = 'off' and day like @year and name like @name", new { year = $"{year}-%", name = $"%{name}%" });
        Assert.True(Off("Tết Nguyên đán") >= 5, $"Tết {year}");
        Assert.Equal(1, Off("Giỗ Tổ Hùng Vương"));
        Assert.Equal(2, Off("Quốc khánh"));
        Assert.Equal(1, Off("Tết Dương lịch"));
    }
}
