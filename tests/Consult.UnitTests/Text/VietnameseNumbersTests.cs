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
    [InlineData(3, "3")]
    [InlineData(0.5, "0,5")]
    [InlineData(1200, "1.200")]
    public void A_count_with_a_fraction_shows_only_the_decimals_it_needs(decimal value, string shown) =>
        Assert.Equal(shown, VietnameseNumbers.Plain(value));

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

    [Theory]
    [InlineData(59.35, "59,4")]
    [InlineData(59.34, "59,3")]
    [InlineData(60, "60,0")]
    public void Scores_have_one_decimal_rounded_half_up(decimal score, string shown) => Assert.Equal(shown, VietnameseNumbers.Score(score));

    [Theory]
    [InlineData(850_000, "850.000 đồng")]
    [InlineData(6_000_000, "6 triệu đồng")]
    [InlineData(13_540_000, "13,5 triệu đồng")]
    [InlineData(1_837_500_000, "1,8 tỷ đồng")]
    [InlineData(146_987_679_000_000, "146.987,7 tỷ đồng")]
    [InlineData(-2_500_000, "-2,5 triệu đồng")]
    public void Money_is_shown_in_the_unit_a_reader_takes_in(decimal dong, string shown) => Assert.Equal(shown, VietnameseNumbers.Money(dong));
}
