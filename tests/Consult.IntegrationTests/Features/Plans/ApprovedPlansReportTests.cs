using System.Text;
using Consult.Domain.Import;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Plans;

/// <summary>The government's table of approved plans (Phụ lục 1 II) computed from the demo data's plans and items.</summary>
[Collection(nameof(DemoCollection))]
public class ApprovedPlansReportTests(DemoApp app)
{
    private static readonly string[] CountColumns =
        ["regs_total", "ycdk", "cdbc", "tcqc", "ktcn_products", "tthc", "docs_total", "docs_luat", "docs_phap_lenh", "docs_nghi_dinh", "docs_qd_ttcp", "docs_thong_tu", "docs_other"];

    private static List<Dictionary<string, string>> Read(string csv)
    {
        var records = Csv.Parse(new StringReader(csv.TrimStart('\uFEFF'))).ToList();
        return records.Skip(1).Select(r => records[0].Fields.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task The_approved_plans_report_equals_the_government_table_row_by_row()
    {
        var table = Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "p1_2_approved_simplification_plans.csv"), Encoding.UTF8));
        var expected = table.Where(r => int.TryParse(r["stt"], out _)).ToList();
        var lines = Read(await app.CreateClient().GetStringAsync("/reports/approved-plans?format=csv"));
        var report = lines.Where(r => r["agency"] != "TONG").ToList();

        Assert.Equal(9, report.Count);
        foreach (var row in expected)
        {
            var actual = Assert.Single(report, r => r["decision_no"] == row["decision_no"]);
            Assert.Equal(row["ministry_code"], actual["agency"]);
            Assert.Equal(row["decision_date"], actual["decision_date"]);
            Assert.Equal(CountColumns.Select(c => row[c]), CountColumns.Select(c => actual[c]));
        }
        var total = table.Single(r => r["ministry_code"] == "TOTAL");
        Assert.Equal(1107, report.Sum(r => int.Parse(r["regs_total"])));
        Assert.Equal(int.Parse(total["docs_total"]), report.Sum(r => int.Parse(r["docs_total"])));
        var printedTotal = Assert.Single(lines, r => r["agency"] == "TONG");
        Assert.Equal(CountColumns.Select(c => total[c]), CountColumns.Select(c => printedTotal[c]));
    }

    [Fact]
    public async Task The_report_page_shows_the_totals_and_the_api_lists_the_plans()
    {
        var page = await app.GetPageAsync("/reports/approved-plans");
        var totals = page.QuerySelectorAll("[data-testid=report] tfoot td").Select(td => td.TextContent).ToList();
        Assert.Equal("1.107", totals[0]);
        Assert.Equal("188", totals[6]);

        var json = await app.GetJsonAsync("/api/v1/plans?status=in_execution");
        var plan = json.GetProperty("items").EnumerateArray().First(p => p.GetProperty("decisionNumber").GetString() == "1977/QĐ-TTg");
        Assert.Equal(165, plan.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(51, plan.GetProperty("counts").GetProperty("KTCN").GetInt32());
        Assert.Equal(27, plan.GetProperty("documentsToAmend").GetProperty("byType").GetProperty("Circular").GetInt32());
        Assert.True(plan.GetProperty("savingPerYear").GetDecimal() > 0);
    }

    [Fact]
    public async Task Plans_still_with_their_agency_are_not_public_unless_put_out_for_consultation()
    {
        var plans = await app.GetPageAsync("/plans");
        var titles = plans.QuerySelectorAll("[data-testid=plans] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains("Bộ Nông nghiệp") && t.Contains("Đã trình"));
        Assert.DoesNotContain(titles, t => t.Contains("Trả lại"));
        var consulted = app.Scalar<string>(
            "select title from plan p where status = 'draft' and exists (select 1 from consultation c where c.plan_id = p.id and c.published = true)");
        Assert.Contains(consulted, Assert.Single(titles, t => t.Contains("Dự thảo")));
    }
}
