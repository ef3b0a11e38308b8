using System.Net;
using System.Text;
using Consult.Domain.Accounts;
using Consult.Domain.Import;
using Consult.IntegrationTests.Support;
using Consult.Web.Features.Applicable;
using Consult.Web.Features.Consultations;
using Consult.Web.Features.Plans;

namespace Consult.IntegrationTests.Features.Applicable;

/// <summary>Which regulations apply to a business, and what they cost it a year, on a registry tagged at several VSIC levels.</summary>
public class ApplicableTests(SharedPortal portal) : IClassFixture<SharedPortal>, IAsyncLifetime
{
    private readonly ConsultApp _app = portal.Fresh();

    private const string Header = Rows.Header + ",business_lines,legal_forms,sizes,provinces,stage";

    private static string Row(string code, string lines = "", string forms = "", string sizes = "", string provinces = "", string stage = "", string status = "in_force", string published = "true") =>
        string.Join(',', new[] { code, "TTHC", $"Thủ tục {code}", "BCT", "Thương mại", "105/2017/NĐ-CP", status, published, "2020-01-01", "", "", lines, forms, sizes, provinces, stage }.Select(Csv.Escape));

    public async Task InitializeAsync()
    {
        _app.Clock.Set("2026-11-10T09:00");
        // The finer levels come the way an administrator adds them.
        Assert.Equal(2, await _app.SendAsync(new ImportLines.Command(new MemoryStream(Encoding.UTF8.GetBytes("code,name,parent\n463,\"Bán buôn lương thực, thực phẩm, đồ uống và sản phẩm thuốc lá, thuốc lào\",46\n4633,Bán buôn đồ uống,\n")))));
        var report = await _app.ImportAsync(string.Join("\n",
            Header,
            Row("R-ALL"),
            Row("R-G", lines: "G"),
            Row("R-46", lines: "46", forms: "tnhh;cophan"),
            Row("R-4633", lines: "4633", sizes: "nho;vua", stage: "entry"),
            Row("R-47", lines: "47", provinces: "79", stage: "operation"),
            Row("R-HN", provinces: "01"),
            Row("R-DRAFT", lines: "46", status: "draft"),
            Row("R-HIDDEN", lines: "46", published: "false")) + "\n");
        Assert.True(report.Succeeded, string.Join(" ", report.Errors));
        await _app.SendAsync(new SaveHourlyIncome.Command { Year = 2026, Amount = "25.000", Source = "Giá trị thử nghiệm" });
        foreach (var (code, hours, fees, times) in new[]
        {
            ("R-ALL", "2", "100.000", "1"), ("R-G", "4", "200.000", "2"), ("R-46", "8", "1.000.000", "1"), ("R-4633", "10", "500.000", "0,5"),
            ("R-47", "3", "0", "12"), ("R-HN", "1", "30.000", "1"), ("R-DRAFT", "1", "1", "1"), ("R-HIDDEN", "1", "1", "1"),
        })
        {
            await _app.SendAsync(new SaveCostEstimate.Command
            {
                Code = code, Year = 2026,
                Cost = new CostForm { Activities = $"Chuẩn bị hồ sơ: {hours}", Fees = fees, FrequencyPerYear = times, SubjectsPerYear = "1.000" },
            });
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    // A small wholesale company in Hà Nội selling drinks (4633 sits under 463, 46 and G).
    [InlineData("lines=4633&form=tnhh&size=nho&province=01", new[] { "R-46", "R-4633", "R-ALL", "R-G", "R-HN" }, 2_380_000)]
    // A household shop in Hồ Chí Minh City: retail (47) only.
    [InlineData("lines=47&form=hkd&size=sieunho&province=79", new[] { "R-47", "R-ALL", "R-G" }, 1_650_000)]
    // A private enterprise in wholesale anywhere: R-46 is for companies, R-4633 only for drinks; R-HN counts as it may be in Hà Nội.
    [InlineData("lines=46&form=dntn", new[] { "R-ALL", "R-G", "R-HN" }, 805_000)]
    // A large food manufacturer in Hồ Chí Minh City: only what applies to every business.
    [InlineData("lines=10&size=lon&province=79", new[] { "R-ALL" }, 150_000)]
    public async Task Exactly_the_tagged_regulations_apply_to_a_profile_with_their_yearly_cost_to_the_dong(string profile, string[] codes, long yearlyCost)
    {
        var json = await _app.GetJsonAsync($"/api/v1/applicable?{profile}");

        Assert.Equal(codes, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToArray());
        Assert.Equal(codes.Length, json.GetProperty("total").GetInt32());
        Assert.Equal(yearlyCost, json.GetProperty("yearlyCost").GetDecimal());
        Assert.Equal(yearlyCost, json.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("yearlyCost").GetDecimal()));
    }

    [Fact]
    public async Task The_api_answers_in_the_documented_shape_and_refuses_a_bad_profile_in_vietnamese()
    {
        var json = await _app.GetJsonAsync("/api/v1/applicable?lines=4633&form=tnhh&size=nho&province=01");
        Assert.Equal(["profile", "total", "yearlyCost", "hoursPerYear", "items"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["4633"], json.GetProperty("profile").GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("tnhh", json.GetProperty("profile").GetProperty("form").GetString());
        // 2 + 8 + 4 × 2 + 10 × 0,5 + 1 hours.
        Assert.Equal(24m, json.GetProperty("hoursPerYear").GetDecimal());
        var item = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "R-4633");
        Assert.Equal(["code", "kind", "title", "agency", "stage", "yearlyCost", "underConsultation", "inPlan"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("entry", item.GetProperty("stage").GetString());

        var bad = await _app.GetJsonAsync("/api/v1/applicable?lines=4699&form=ctycp&province=63", 400);
        var error = bad.GetProperty("error").GetString()!;
        Assert.Contains("Không có ngành mã \"4699\"", error);
        Assert.Contains("Loại hình \"ctycp\"", error);
        Assert.Contains("mã \"63\"", error);
        Assert.Contains("Chọn ít nhất một ngành", (await _app.GetJsonAsync("/api/v1/applicable", 400)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_page_takes_a_businesss_own_times_a_year_and_the_csv_and_checklist_carry_the_same_total()
    {
        var page = await _app.GetPageAsync("/applicable?lines=4633&form=tnhh&size=nho&province=01&times[R-46]=3");
        Assert.Contains("4,8 triệu đồng", page.QuerySelector("[data-testid=yearly-cost]")!.TextContent);
        Assert.Equal("3", page.QuerySelector("input[name='times[R-46]']")!.GetAttribute("value"));
        Assert.Equal(["Khi gia nhập thị trường (1)", "Khi gia nhập và trong quá trình hoạt động (4)"], page.QuerySelectorAll("h2").Select(h => h.TextContent).Where(t => t.StartsWith("Khi")).ToArray());

        var csv = await (await _app.CreateClient().GetAsync("/applicable.csv?lines=4633&form=tnhh&size=nho&province=01")).Content.ReadAsStringAsync();
        Assert.EndsWith("TỔNG,,,,,,,2380000,24,,,0\r\n", csv);
        var checklist = await _app.GetPageAsync("/applicable/checklist?lines=4633&form=tnhh&size=nho&province=01");
        Assert.Equal(5, checklist.QuerySelectorAll("[data-testid=checklist] li").Length);
        Assert.Contains("2,4 triệu đồng", checklist.Body!.TextContent);

        // Bad input is a message on the page, never an error page.
        var unreadable = await _app.GetPageAsync("/applicable?lines=4633&times[R-46]=ba+lần");
        Assert.Contains("Số lần \"ba lần\" của R-46 không đọc được", unreadable.QuerySelector("[data-testid=summary]")!.TextContent);
        Assert.Equal("1", unreadable.QuerySelector("input[name='times[R-46]']")!.GetAttribute("value"));
        var bad = await _app.GetPageAsync("/applicable?lines=ZZ&size=khong-ro");
        Assert.Contains(bad.Errors(), e => e.Contains("Không có ngành mã \"ZZ\""));
        Assert.Contains(bad.Errors(), e => e.Contains("Quy mô \"khong-ro\""));
    }

    [Fact]
    public async Task The_line_picker_finds_lines_by_code_or_by_name_typed_without_marks()
    {
        var byName = await _app.GetPageAsync("/applicable?find=ban+buon+do+uong");
        Assert.Contains("4633", byName.QuerySelectorAll("[data-testid=found-lines] input").Select(i => i.GetAttribute("value")));
        var byCode = await _app.GetPageAsync("/applicable?find=463");
        Assert.Equal(["463", "4633"], byCode.QuerySelectorAll("[data-testid=found-lines] input").Select(i => i.GetAttribute("value") ?? "").ToArray());
    }

    [Fact]
    public async Task A_saved_profile_is_told_of_changes_and_consultations_on_regulations_that_apply_to_it_and_of_nothing_else()
    {
        await _app.CreateUserAsync("dn@example.vn");
        await _app.CreateUserAsync("canbo@example.vn", "BCT", Roles.Editor);
        await _app.CreateUserAsync("lanhdao@example.vn", "BCT", Roles.Lead);
        var business = await _app.SignInAsync("dn@example.vn");
        var saved = await business.PostFormAsync("/applicable?lines=4633", "/applicable/profiles", new()
        {
            ["Name"] = "Cửa hàng bán buôn đồ uống", ["Lines"] = "4633", ["Form"] = "tnhh", ["Size"] = "nho", ["Province"] = "01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/applicable?lines=4633&form=tnhh&size=nho&province=01", saved.Headers.Location!.OriginalString);

        await _app.ImportAsync(string.Join("\n", Header,
            Row("R-46", lines: "46", forms: "tnhh;cophan", stage: "operation"), // changed: applies to the profile
            Row("R-47", lines: "47", provinces: "79")) + "\n"); // changed: does not
        var consultation = await _app.SendAsync(new SaveConsultation.Command
        {
            Agency = "BCT", Subject = "regulation", SubjectRef = "R-4633", Title = "Lấy ý kiến về R-4633", OpensOn = "2026-11-16", ClosesOn = "2026-11-30",
        });
        await _app.SendAsync(new ConsultationWindow.Command(consultation, "open", 1));

        var texts = _app.Query<string>("select n.text from notification n join app_user u on u.id = n.user_id where u.email = 'dn@example.vn' order by n.id");
        Assert.Equal(2, texts.Count);
        Assert.Contains("R-46", texts[0]);
        Assert.Contains("\"Cửa hàng bán buôn đồ uống\"", texts[0]);
        Assert.Contains("Lấy ý kiến về R-4633", texts[1]);
        var feed = await (await _app.CreateClient().GetAsync("/feeds/applicable.atom?lines=4633&form=tnhh&size=nho&province=01")).Content.ReadAsStringAsync();
        Assert.Contains("<title>R-46 – Thủ tục R-46</title>", feed);
        Assert.DoesNotContain("R-47", feed);
        _app.Clock.Set("2026-11-17T09:00");
        var json = await _app.GetJsonAsync("/api/v1/applicable?lines=4633&form=tnhh&size=nho&province=01");
        Assert.True(json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "R-4633").GetProperty("underConsultation").GetBoolean());
    }

    [Fact]
    public async Task A_tag_the_reference_lists_do_not_hold_rejects_the_whole_file()
    {
        var report = await _app.ImportAsync(string.Join("\n", Header, Row("R-NEW", lines: "4699"), Row("R-NEW2", provinces: "02"), Row("R-NEW3", forms: "congty")) + "\n");
        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Contains("business_lines (ngành kinh tế áp dụng (VSIC))") && e.Contains("4699"));
        Assert.Contains(report.Errors, e => e.Contains("provinces") && e.Contains("\"02\""));
        Assert.Contains(report.Errors, e => e.Contains("\"congty\" không phải loại hình"));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from regulation where code like 'R-NEW%'"));

        await Assert.ThrowsAsync<Consult.Web.Infrastructure.Validation.UserInputException>(() =>
            _app.SendAsync(new ImportLines.Command(new MemoryStream(Encoding.UTF8.GetBytes("code,name\n4711,Bán lẻ lương thực\n47,Bán lẻ\n")))));
        Assert.Equal(0, _app.Scalar<int>("select count(*) from vsic_line where code = '4711'"));
    }
}
