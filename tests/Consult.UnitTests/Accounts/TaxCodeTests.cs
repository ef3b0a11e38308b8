using Consult.Domain.Accounts;

namespace Consult.UnitTests.Accounts;

public class TaxCodeTests
{
    [Theory]
    [InlineData("0314409058")]
    [InlineData("0100109106")]
    [InlineData("0100109106-001")]
    [InlineData(" 0314409058 ")]
    public void Codes_with_the_right_check_digit_are_accepted(string code) => Assert.Null(TaxCode.Problem(code));

    [Theory]
    [InlineData("0314409059")]
    [InlineData("0100109107-001")]
    public void A_wrong_check_digit_is_refused_with_a_message(string code) =>
        Assert.Contains("chữ số kiểm tra", TaxCode.Problem(code));

    [Theory]
    [InlineData("031440905")]
    [InlineData("03144090581")]
    [InlineData("0314409058-01")]
    [InlineData("03144O9058")]
    [InlineData("")]
    public void Wrong_shapes_are_explained(string code) => Assert.Contains("10 chữ số", TaxCode.Problem(code));

    [Theory]
    [InlineData("0000000000")]
    [InlineData("0100109106-000")]
    public void Zero_parts_are_refused(string code) => Assert.Equal("Mã số thuế không hợp lệ.", TaxCode.Problem(code));
}
