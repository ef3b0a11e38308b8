using Consult.Domain.EffortIndex;

namespace Consult.UnitTests.EffortIndex;

public class IndexFormulaTests
{
    private static readonly Methodology M = Methodology.Default;

    private static Dictionary<string, IndicatorInput> Inputs(params (string Key, decimal Numerator, decimal Denominator)[] inputs) =>
        inputs.ToDictionary(i => i.Key, i => new IndicatorInput(i.Key, i.Numerator, i.Denominator));

    private static Dictionary<string, IndicatorInput> Full() =>
        Inputs(M.Indicators.Select(i => (i.Key, 10m, 10m)).ToArray());

    [Fact]
    public void The_default_methodology_has_thirty_fifty_and_twenty_points()
    {
        Assert.Equal(30, M.GroupMax(IndicatorGroup.Transparency));
        Assert.Equal(50, M.GroupMax(IndicatorGroup.Results));
        Assert.Equal(20, M.GroupMax(IndicatorGroup.Satisfaction));
    }

    [Fact]
    public void Full_marks_everywhere_make_one_hundred_and_excellent()
    {
        var score = IndexFormula.Score(M, Full());
        Assert.Equal(100, score.Score);
        Assert.Equal(Band.Excellent, score.Band);
    }

    [Fact]
    public void The_score_is_the_sum_of_groups_and_of_indicators_each_within_its_maximum()
    {
        var inputs = Full();
        inputs["published"] = new("published", 7, 10);
        inputs["cost-saved"] = new("cost-saved", 3, 12);
        inputs["satisfied"] = new("satisfied", 1, 4);
        var score = IndexFormula.Score(M, inputs);

        Assert.Equal(score.Score, score.Groups.Sum(g => g.Points));
        Assert.Equal(score.Score, score.Indicators.Sum(i => i.Points));
        Assert.All(score.Indicators, i => Assert.InRange(i.Points, 0, i.MaxPoints));
        Assert.All(score.Groups, g => Assert.InRange(g.Points, 0, g.MaxPoints));
        // 100 − 3 (published: 7/10 of 10) − 11.25 (cost: 3/12 of 15) − 4.5 (satisfied: 1/4 of 6)
        Assert.Equal(81.25m, score.Score);
        Assert.Equal(Band.Good, score.Band);
    }

    [Fact]
    public void Doing_more_than_the_target_earns_no_more_than_full_points()
    {
        var inputs = Full();
        inputs["regulations-cut"] = new("regulations-cut", 300, 100);
        var cut = IndexFormula.Score(M, inputs).Indicators.Single(i => i.Definition.Key == "regulations-cut");
        Assert.Equal(15, cut.Points);
        Assert.Equal(1, cut.Input.Rate);
    }

    [Fact]
    public void An_indicator_without_data_is_marked_and_its_points_go_to_its_group()
    {
        var inputs = Full();
        inputs["satisfied"] = new("satisfied", 0, 0); // no answer was rated
        var score = IndexFormula.Score(M, inputs);
        var satisfaction = score.Groups.Single(g => g.Group == IndicatorGroup.Satisfaction);

        Assert.False(satisfaction.Indicators.Single(i => i.Definition.Key == "satisfied").HasData);
        Assert.Equal(0, satisfaction.Indicators.Single(i => i.Definition.Key == "satisfied").MaxPoints);
        Assert.Equal(20m * 8 / 14, satisfaction.Indicators.Single(i => i.Definition.Key == "answered-on-time").MaxPoints);
        Assert.Equal(20, satisfaction.Points);
        Assert.Equal(100, score.Score);
    }

    [Fact]
    public void An_agency_with_no_data_scores_zero_and_is_weak()
    {
        var score = IndexFormula.Score(M, new Dictionary<string, IndicatorInput>());
        Assert.Equal(0, score.Score);
        Assert.Equal(Band.Weak, score.Band);
        Assert.All(score.Groups, g => Assert.False(g.HasData));
        Assert.All(score.Indicators, i => Assert.Equal(0, i.MaxPoints));
    }

    [Theory]
    [InlineData(90, Band.Excellent)]
    [InlineData(89.99, Band.Good)]
    [InlineData(70, Band.Good)]
    [InlineData(50, Band.Average)]
    [InlineData(49.99, Band.Weak)]
    public void Bands_follow_the_thresholds(decimal score, Band band) => Assert.Equal(band, Bands.Of(score));

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31", "2024")]
    [InlineData("2025-q3", "2025-07-01", "2025-09-30", "2025-Q2")]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2025-Q4")]
    public void Periods_are_years_or_quarters(string key, string start, string end, string previous)
    {
        var period = ReportingPeriod.Parse(key)!;
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(previous, period.Previous.Key);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("năm ngoái")]
    [InlineData("")]
    public void Unreadable_periods_are_refused(string key) => Assert.Null(ReportingPeriod.Parse(key));
}
