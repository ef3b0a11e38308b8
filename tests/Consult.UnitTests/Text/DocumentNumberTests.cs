using Consult.Domain.Text;

namespace Consult.UnitTests.Text;

public class DocumentNumberTests
{
    [Theory]
    [InlineData("105/2017/NĐ-CP")]
    [InlineData("105/2017/ND-CP")]
    [InlineData("105/2017/nd-cp")]
    [InlineData(" 105/2017/Nđ-CP ")]
    public void Spellings_of_one_number_share_a_key(string spelling) =>
        Assert.Equal("105/2017/ND-CP", DocumentNumber.Key(spelling));

    [Theory]
    [InlineData("02/2020/QH14", LegalDocumentType.Law)]
    [InlineData("03/2022/UBTVQH15", LegalDocumentType.Ordinance)]
    [InlineData("105/2017/NĐ-CP", LegalDocumentType.Decree)]
    [InlineData("68/NQ-CP", LegalDocumentType.Resolution)]
    [InlineData("1977/QĐ-TTg", LegalDocumentType.PrimeMinisterDecision)]
    [InlineData("15/2022/TT-BCA", LegalDocumentType.Circular)]
    [InlineData("01/2016/TTLT-BCT-BTC", LegalDocumentType.JointCircular)]
    [InlineData("QCVN 86:2019/BTTTT", LegalDocumentType.TechnicalStandard)]
    [InlineData("6828/VPCP-KSTT", LegalDocumentType.Other)]
    [InlineData("42/QĐ-BCĐCCHC", LegalDocumentType.Other)]
    public void Infers_the_type_from_the_number(string number, LegalDocumentType expected) =>
        Assert.Equal(expected, DocumentNumber.InferType(number));

    [Theory]
    [InlineData("105/2017/NĐ-CP", true)]
    [InlineData("QCVN 86:2019/BTTTT", true)]
    [InlineData("8244/BC-VPCP", true)]
    [InlineData("giấy phép", false)]
    [InlineData("12/5/2020", false)]
    [InlineData("", false)]
    public void Validates_numbers(string number, bool valid) =>
        Assert.Equal(valid, DocumentNumber.IsValid(number));

    [Fact]
    public void Finds_numbers_inside_free_text()
    {
        var found = DocumentNumber.FindIn("điều kiện theo 105/2017/nd-cp và QCVN 86:2019/BTTTT ngày 12/5/2020");
        Assert.Equal(["105/2017/nd-cp", "QCVN 86:2019/BTTTT"], found.Select(f => f.Number));
    }

    [Theory]
    [InlineData("Decree", "Nghị định")]
    [InlineData("PrimeMinisterDecision", "Quyết định của Thủ tướng Chính phủ")]
    [InlineData("Something", "Something")]
    public void Labels_stored_types_in_vietnamese(string stored, string expected) =>
        Assert.Equal(expected, DocumentNumber.Label(stored));
}
