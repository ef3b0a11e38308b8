using System.Text;
using Consult.Domain.Import;
using Consult.IntegrationTests.Support;
using Dapper;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Plans;

/// <summary>
/// The government's table of regulations cut or simplified by documents issued in 2021 and the first half of 2022
/// (Phụ lục 1 I): its rows become regulations, approved plans and executions, and the report gives the table back.
/// </summary>
public class ExecutedCutsReportTests
{
    private static readonly (string Column, string Kind)[] Kinds =
        [("tthc", "TTHC"), ("tcqc", "TCQC"), ("ycdk", "YCDK"), ("cdbc", "CDBC"), ("prohibitions", "CAM")];

    /// <summary>A number of each document type the report's columns count: Luật, Pháp lệnh, Nghị định, QĐ TTg, Thông tư, other.</summary>
    private static readonly (string Column, Func<int, string, string> Number)[] DocumentTypes =
    [
        ("docs_luat", (n, _) => $"{n}/2021/QH15"),
        ("docs_phap_lenh", (n, _) => $"{n}/2021/UBTVQH15"),
        ("docs_nghi_dinh", (n, _) => $"{n}/2021/NĐ-CP"),
        ("docs_qd_ttcp", (n, _) => $"{n}/QĐ-TTg"),
        ("docs_thong_tu", (n, agency) => $"{n}/2021/TT-{agency}"),
        ("docs_other", (n, agency) => $"{n}/2021/CV-{agency}"),
    ];

    private static List<Dictionary<string, string>> Read(string csv)
    {
        var records = Csv.Parse(new StringReader(csv.TrimStart('\uFEFF'))).ToList();
        return records.Skip(1).Select(r => records[0].Fields.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task Importing_the_tables_rows_reproduces_its_totals_column_by_column()
    {
        var table = Read(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "p1_1_regs_cut_simplified_2021_h1_2022.csv"), Encoding.UTF8));
        var ministries = table.Where(r => r["ministry_code"] != "TOTAL" && int.Parse(r["regs_total"]) > 0).ToList();
        using var app = new ConsultApp();

        var rows = new List<string>();
        foreach (var m in ministries)
        {
            var agency = m["ministry_code"];
            foreach (var (column, kind) in Kinds)
            {
                rows.AddRange(Enumerable.Range(1, int.Parse(m[column])).Select(i => Row($"{kind}-{agency}-{i}", $"Quy định {kind} số {i} của {agency}", kind: kind, agency: agency)));
            }
            if (int.Parse(m["ktcn_products"]) is > 0 and var products)
            {
                rows.Add(Row($"KTCN-{agency}", $"Kiểm tra chuyên ngành của {agency}", kind: "KTCN", agency: agency,
                    products: string.Join(';', Enumerable.Range(1, products).Select(i => $"{i:D4}.00:Hàng hóa {i}"))));
            }
        }
        var imported = await app.ImportAsync(File([.. rows]));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors.Take(5)));

        using (var connection = Database.Open(app))
        {
            var serial = 0;
            foreach (var m in ministries)
            {
                var agency = m["ministry_code"];
                var documents = DocumentTypes.SelectMany(t => Enumerable.Range(1, int.Parse(m[t.Column])).Select(_ => t.Number(++serial, agency))).ToList();
                var planId = connection.ExecuteScalar<long>(
                    """
                    insert into plan (agency_id, title, year, summary, status, submitted_on, decision_number, decision_date, version, created_at, updated_at)
                    select id, 'Phương án năm 2021', 2021, '', 'executed', '2021-03-01', @decision, '2021-05-01', 1, '2021-03-01', '2021-03-01'
                    from agency where code = @agency returning id
                    """, new { agency, decision = $"{++serial}/QĐ-TTg" });
                var ids = connection.Query<long>("select r.id from regulation r join agency a on a.id = r.agency_id where a.code = @agency order by r.id", new { agency }).ToList();
                Assert.True(ids.Count >= documents.Count, $"{agency}: each document needs a regulation it carries out");
                connection.Execute(
                    """
                    insert into plan_item (plan_id, regulation_id, action, reason, cost_before, cost_after, executed_by, executed_on)
                    values (@planId, @id, 'simplify', 'Theo bảng của Chính phủ.', '{}', '{}', @document, '2021-09-01')
                    """, ids.Select((id, i) => new { planId, id, document = documents[i % documents.Count] }));
            }
        }

        var report = Read(await app.CreateClient().GetStringAsync("/reports/executed-cuts?format=csv&from=01/01/2021&to=30/06/2022"));
        var columns = new[] { "regs_total", "tthc", "tcqc", "ycdk", "cdbc", "ktcn_products", "docs_luat", "docs_phap_lenh", "docs_nghi_dinh", "docs_qd_ttcp", "docs_thong_tu", "docs_other" };
        foreach (var m in ministries)
        {
            var actual = Assert.Single(report, r => r["agency"] == m["ministry_code"]);
            Assert.Equal(columns.Select(c => (c, m[c])), columns.Select(c => (c, actual[c])));
        }
        var printed = table.Single(r => r["ministry_code"] == "TOTAL");
        var total = Assert.Single(report, r => r["agency"] == "TONG");
        Assert.Equal(columns.Select(c => (c, printed[c])), columns.Select(c => (c, total[c])));
        // The table prints 143 documents, but its own columns add up to 144 (12 + 47 + 10 + 72 + 3): the portal counts them.
        Assert.Equal(("143", "144"), (printed["docs_total"], total["docs_total"]));

        var outside = Read(await app.CreateClient().GetStringAsync("/reports/executed-cuts?format=csv&from=01/07/2022"));
        Assert.Equal("0", Assert.Single(outside, r => r["agency"] == "TONG")["regs_total"]);
    }
}
