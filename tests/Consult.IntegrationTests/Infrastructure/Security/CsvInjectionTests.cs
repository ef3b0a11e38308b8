using Consult.IntegrationTests.Support;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 10: text that would run as a spreadsheet formula is exported as text.</summary>
public class CsvInjectionTests
{
    [Fact]
    public async Task A_title_that_looks_like_a_formula_is_exported_as_text()
    {
        using var app = new ConsultApp();
        await app.ImportAsync(File(Row("1.000106", "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\") giấy phép")));
        var csv = await app.CreateClient().GetStringAsync("/search/csv?q=giay+phep");
        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);
    }
}
