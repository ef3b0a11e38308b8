using System.Text;
using Consult.Domain.Import;
using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.Statistics;

/// <summary>
/// The government's table of published and unpublished regulations per ministry (Phụ lục 1 III,
/// in-force section, as of 9/9/2022), rebuilt as an import file and read back through the API.
/// </summary>
[LongRunning]
public class StatisticsTableTests
{
    private static readonly (string Column, string Kind)[] PlainKinds =
        [("tthc", "TTHC"), ("tcqc", "TCQC"), ("ycdk", "YCDK"), ("cdbc", "CDBC"), ("prohibitions", "CAM")];

    [Fact]
    public async Task Importing_the_in_force_rows_reproduces_the_table_agency_by_agency()
    {
        var table = ReadTable().Where(r => r["section"] == "I_in_force").ToList();
        Assert.Equal(11, table.Count);

        using var app = new ConsultApp();
        var report = await app.ImportAsync(BuildImport(table));
        Assert.True(report.Succeeded, string.Join("\n", report.Errors.Take(5)));

        var json = await app.GetJsonAsync("/api/v1/statistics/regulations?status=in_force");
        var agencies = json.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!);
        foreach (var row in table)
        {
            var agency = agencies[row["ministry_code"]];
            var kinds = agency.GetProperty("kinds");
            foreach (var (column, kind) in PlainKinds)
            {
                Assert.Equal(Int(row[$"{column}_pub"]), kinds.GetProperty(kind).GetProperty("published").GetInt32());
                Assert.Equal(Int(row[$"{column}_unpub"]), kinds.GetProperty(kind).GetProperty("unpublished").GetInt32());
            }
            var ktcn = kinds.GetProperty("KTCN");
            Assert.Equal(Int(row["ktcn_pub_products"]), ktcn.GetProperty("productsPublished").GetInt32());
            Assert.Equal(Int(row["ktcn_unpub_products"]), ktcn.GetProperty("productsUnpublished").GetInt32());
            Assert.Equal(Int(row["ktcn_pub_procedures"]), ktcn.GetProperty("published").GetInt32());
            Assert.Equal(Int(row["ktcn_unpub_procedures"]), ktcn.GetProperty("unpublished").GetInt32());
            Assert.Equal(Int(row["total_pub"]), agency.GetProperty("total").GetProperty("published").GetInt32());
            Assert.Equal(Int(row["total_unpub"]), agency.GetProperty("total").GetProperty("unpublished").GetInt32());
        }
        Assert.Equal(1439, agencies["BCT"].GetProperty("total").GetProperty("published").GetInt32());
        Assert.Equal(9549, json.GetProperty("total").GetProperty("published").GetInt32());
        Assert.Equal(3010, json.GetProperty("total").GetProperty("unpublished").GetInt32());
    }

    private static string BuildImport(IEnumerable<Dictionary<string, string>> table)
    {
        var rows = new List<string>();
        var serial = 0;
        foreach (var row in table)
        {
            var agency = row["ministry_code"];
            void Add(string kind, int count, bool published, int products = 0)
            {
                for (var i = 0; i < count; i++)
                {
                    serial++;
                    // A procedure's products: the table gives only the total, so the first procedure carries the remainder.
                    var share = products / count + (i == 0 ? products % count : 0);
                    var items = string.Join(';', Enumerable.Range(0, share).Select(p => $"{1000 + (serial + p) % 9000:D4}.{p % 100:D2}:Sản phẩm {p + 1}"));
                    rows.Add(Row($"{kind}-{agency}-{serial:D6}", $"Quy định {kind} số {serial}", kind: kind, agency: agency,
                        published: published ? "true" : "false", products: items));
                }
            }
            foreach (var (column, kind) in PlainKinds)
            {
                Add(kind, Int(row[$"{column}_pub"]), published: true);
                Add(kind, Int(row[$"{column}_unpub"]), published: false);
            }
            Add("KTCN", Int(row["ktcn_pub_procedures"]), published: true, Int(row["ktcn_pub_products"]));
            Add("KTCN", Int(row["ktcn_unpub_procedures"]), published: false, Int(row["ktcn_unpub_products"]));
        }
        return File(rows.ToArray());
    }

    private static List<Dictionary<string, string>> ReadTable()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "p1_3_portal_published_unpublished.csv");
        using var reader = new StreamReader(path, Encoding.UTF8);
        var records = Csv.Parse(reader).ToList();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static int Int(string cell) => string.IsNullOrEmpty(cell) ? 0 : int.Parse(cell);
}
