using Consult.Domain.Import;

namespace Consult.UnitTests.Import;

public class CsvTests
{
    private static List<CsvRecord> Parse(string text) => Csv.Parse(new StringReader(text)).ToList();

    [Fact]
    public void Reads_plain_and_quoted_fields_with_their_line_numbers()
    {
        var records = Parse("code,title\r\n1.000106,\"Cấp phép, bán buôn \"\"rượu\"\"\"\r\n2.000001,\"Dòng một\nDòng hai\"\n3.000001,x");
        Assert.Equal(4, records.Count);
        Assert.Equal(["1.000106", "Cấp phép, bán buôn \"rượu\""], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal("Dòng một\nDòng hai", records[2].Fields[1]);
        Assert.Equal(5, records[3].Line);
    }

    [Fact]
    public void Skips_blank_lines_and_keeps_empty_cells()
    {
        var records = Parse("a,b,c\n\n1,,3\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "", "3"], records[1].Fields);
    }

    [Theory]
    [InlineData("a,b\n1,\"unclosed\n", 2)]
    [InlineData("a,b\n1,x\"y\n", 2)]
    [InlineData("a,b\n1,\"x\"y\n", 2)]
    public void Malformed_quotes_name_the_line(string text, int line)
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse(text));
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"Dòng {line}:", error.Message);
    }

    [Fact]
    public void Escapes_cells_that_need_quotes()
    {
        Assert.Equal("plain", Csv.Escape("plain"));
        Assert.Equal("\"a, \"\"b\"\"\"", Csv.Escape("a, \"b\""));
        Assert.Equal(["a, \"b\"", "c"], Parse(Csv.Escape("a, \"b\"") + ",c")[0].Fields);
    }
}

public class CsvExportCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-2", "-2")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("Giấy phép", "Giấy phép")]
    public void Cells_that_start_like_formulas_stay_text(string value, string expected) =>
        Assert.Equal(expected, Consult.Domain.Import.Csv.ExportCell(value));

    [Fact]
    public void A_line_guards_each_cell_and_ends_with_crlf() =>
        Assert.Equal("1.000106,'=1+1,\"Rượu, bia\",\r\n", Consult.Domain.Import.Csv.ExportLine(["1.000106", "=1+1", "Rượu, bia", null]));
}
