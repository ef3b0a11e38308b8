using Consult.Domain.EffortIndex;

namespace Consult.UnitTests.EffortIndex;

public class MethodologyVersionsTests
{
    [Fact]
    public void The_programme_version_gives_100_points_in_groups_of_30_50_and_20_and_names_a_source_for_each_indicator()
    {
        var programme = Methodology.Programme;
        Assert.Equal((30m, 50m, 20m), (programme.GroupMax(IndicatorGroup.Transparency), programme.GroupMax(IndicatorGroup.Results), programme.GroupMax(IndicatorGroup.Satisfaction)));
        Assert.All(programme.Indicators, i => Assert.NotEmpty(i.Source));
        Assert.True(programme.Version > Methodology.Default.Version);
    }

    [Fact]
    public void Version_3_counts_feedback_in_transparency_and_satisfaction_from_2027_keeping_the_groups_30_50_20()
    {
        var next = Methodology.WithFeedback;
        Assert.Equal((3, "2027"), (next.Version, next.EffectiveFrom));
        Assert.Equal((30m, 50m, 20m), (next.GroupMax(IndicatorGroup.Transparency), next.GroupMax(IndicatorGroup.Results), next.GroupMax(IndicatorGroup.Satisfaction)));
        Assert.Equal(IndicatorGroup.Transparency, next.Indicators.Single(i => i.Key == "feedback-answered-on-time").Group);
        Assert.Equal(IndicatorGroup.Satisfaction, next.Indicators.Single(i => i.Key == "feedback-satisfied").Group);
        Assert.Equal(Methodology.Programme.Indicators.Where(i => i.Group == IndicatorGroup.Results), next.Indicators.Where(i => i.Group == IndicatorGroup.Results));
        Assert.DoesNotContain(Methodology.Programme.Indicators, i => i.Key.StartsWith("feedback", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2021, 0.2, 2020)] // Nghị quyết 68/NQ-CP: 20% over 2020–2025
    [InlineData(2025, 0.1, 2025)] // the 2025 target is the narrower window
    [InlineData(2026, 0.1, 2026)] // no official target yet: the version's own, over the year
    public void Each_year_takes_the_narrowest_target_that_covers_it(int year, decimal share, int from)
    {
        var target = Methodology.Programme.TargetFor(year);
        Assert.Equal((share, share, from), (target.Regulations, target.Cost, target.FromYear));
    }
}
