using Consult.Domain.Text;

namespace Consult.UnitTests.Text;

public class VietnameseNumbersTests
{
    [Theory]
    [InlineData(1_234_567.5, 0, "1.234.568")]
    [InlineData(1_234_567.25, 1, "1.234.567,3")]
    [InlineData(0, 0, "0")]
    public void Numbers_are_shown_with_dots_for_thousands_and_a_comma_for_decimals(decimal value, int decimals, string shown) =>
        Assert.Equal(shown, VietnameseNumbers.Show(value, decimals));

    [Theory]
    [InlineData("1.234.567", 1_234_567)]
    [InlineData("1234567", 1_234_567)]
    [InlineData("0,5", 0.5)]
    [InlineData("0.5", 0.5)]
    [InlineData(" 25 000 ", 25_000)]
    [InlineData("", 0)]
    public void Typed_numbers_are_read_the_way_they_were_meant(string text, decimal expected)
    {
        Assert.True(VietnameseNumbers.TryRead(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("mười")]
    [InlineData("1,2,3")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(VietnameseNumbers.TryRead(text, out _));
}
