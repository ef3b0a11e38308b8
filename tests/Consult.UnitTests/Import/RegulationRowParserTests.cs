using Consult.Domain.Import;
using Consult.Domain.Registry;

namespace Consult.UnitTests.Import;

public class RegulationRowParserTests
{
    private static Dictionary<string, string> GoodRow() => new()
    {
        ["code"] = "2.000633",
        ["kind"] = "KTCN",
        ["title"] = "Kiểm tra nhà nước về chất lượng rượu nhập khẩu",
        ["agency"] = "bct",
        ["sectors"] = "Lưu thông hàng hóa; Rượu",
        ["legal_basis"] = "105/2017/NĐ-CP#Điều 11;QCVN 6-3:2010/BYT",
        ["status"] = "in_force",
        ["published"] = "true",
        ["effective_date"] = "2017-11-01",
        ["content"] = "Rượu nhập khẩu phải được kiểm tra chất lượng.",
        ["products"] = "2208.20:Rượu mạnh;2204:Rượu vang",
        ["fees"] = "Theo biểu phí",
    };

    private static (RegulationRow? Row, IReadOnlyList<string> Errors) Parse(Dictionary<string, string> cells)
    {
        var (row, errors) = RegulationRowParser.Parse(RegulationInput.FromCells(column => cells.GetValueOrDefault(column)));
        return (row, errors.Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void Reads_a_good_row_with_its_basis_articles_and_products()
    {
        var (row, errors) = Parse(GoodRow());
        Assert.Empty(errors);
        Assert.Equal(RegulationKind.SpecialisedInspection, row!.Kind);
        Assert.Equal("BCT", row.AgencyCode);
        Assert.Equal(["Lưu thông hàng hóa", "Rượu"], row.Sectors);
        Assert.Equal(new LegalBasisItem("105/2017/NĐ-CP", "Điều 11"), row.LegalBasis[0]);
        Assert.Equal(new LegalBasisItem("QCVN 6-3:2010/BYT", null), row.LegalBasis[1]);
        Assert.Equal([new ProductItem("2208.20", "Rượu mạnh"), new ProductItem("2204", "Rượu vang")], row.Products);
        Assert.Equal(new DateOnly(2017, 11, 1), row.EffectiveDate);
        Assert.Equal("Theo biểu phí", row.Details.Fees);
    }

    [Theory]
    [InlineData("kind", "LUAT", "Cột kind (loại quy định)")]
    [InlineData("status", "active", "Cột status (trạng thái)")]
    [InlineData("published", "yes", "Cột published (công khai)")]
    [InlineData("effective_date", "31/02/2017", "Cột effective_date (ngày có hiệu lực)")]
    [InlineData("legal_basis", "nghị định số một", "Cột legal_basis (căn cứ pháp lý)")]
    [InlineData("legal_basis", "", "Cột legal_basis")]
    [InlineData("products", "rượu", "Cột products (sản phẩm, hàng hóa)")]
    [InlineData("title", "", "Cột title (tên)")]
    [InlineData("code", "a b", "Cột code (mã)")]
    public void Names_the_faulty_column_in_vietnamese(string column, string value, string expected)
    {
        var cells = GoodRow();
        cells[column] = value;
        var (row, errors) = Parse(cells);
        Assert.Null(row);
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Products_belong_only_to_specialised_inspection()
    {
        var cells = GoodRow();
        cells["kind"] = "TTHC";
        var (_, errors) = Parse(cells);
        Assert.Contains(errors, e => e.Contains("KTCN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_form_keeps_only_the_fields_of_its_kind_and_names_each_fault_by_the_forms_field()
    {
        var form = RegulationInput.FromCells(column => GoodRow().GetValueOrDefault(column)) with
        {
            Kind = "CDBC",
            Details = new RegulationDetails { Fees = "Theo biểu phí", ReportFrequency = "Hằng năm", ProcessingTime = "15 ngày" },
        };

        var (row, errors) = RegulationRowParser.Parse(form.WithOnlyItsKindsFields());

        Assert.Empty(errors);
        Assert.Empty(row!.Products);
        Assert.Equal(new RegulationDetails { ReportFrequency = "Hằng năm" }, row.Details);
        var (_, unknownKind) = RegulationRowParser.Parse((form with { Kind = "LUAT" }).WithOnlyItsKindsFields());
        Assert.Equal(["kind", "products"], unknownKind.Select(e => e.Column));
        Assert.Equal("LegalBasis", ImportColumns.Field("legal_basis"));
        Assert.Equal("Code", ImportColumns.Field("code"));
    }
}
