using Consult.Domain.Plans;

namespace Consult.UnitTests.Plans;

public class StandardCostModelTests
{
    private static readonly CostInputs Licence = new()
    {
        Activities = [new("Tìm hiểu thông tin", 2), new("Chuẩn bị hồ sơ", 6.5m), new("Nộp hồ sơ, nhận kết quả", 1.5m)],
        HourlyIncome = 25_000,
        Fees = 1_200_000,
        OutsourcedServices = 500_000,
        OtherCosts = 50_000,
        FrequencyPerYear = 0.2m,
        SubjectsPerYear = 3_000,
    };

    [Fact]
    public void A_hand_computed_licence()
    {
        // 10 h × 25,000 = 250,000; + 1,200,000 + 500,000 + 50,000 = 2,000,000 per case;
        // 0.2 × 3,000 = 600 cases; 1,200,000,000 VND and 6,000 h = 750 person-days a year.
        var estimate = StandardCostModel.Estimate(Licence);
        Assert.Equal(10m, estimate.HoursPerCase);
        Assert.Equal(2_000_000m, estimate.CostPerCase);
        Assert.Equal(600m, estimate.CasesPerYear);
        Assert.Equal(1_200_000_000m, estimate.AnnualCost);
        Assert.Equal(6_000m, estimate.HoursPerYear);
        Assert.Equal(750m, estimate.PersonDaysPerYear);
    }

    [Fact]
    public void Fractions_are_kept_exactly_until_display()
    {
        var estimate = StandardCostModel.Estimate(new CostInputs { Activities = [new("Báo cáo", 1)], HourlyIncome = 23_863.64m, FrequencyPerYear = 12, SubjectsPerYear = 7 });
        Assert.Equal(2_004_545.76m, estimate.AnnualCost);
        Assert.Equal(10.5m, estimate.PersonDaysPerYear);
    }

    [Fact]
    public void Missing_inputs_count_as_zero()
    {
        Assert.Equal(CostEstimate.Zero, StandardCostModel.Estimate(CostInputs.None));
        var feesOnly = StandardCostModel.Estimate(new CostInputs { Fees = 300_000, FrequencyPerYear = 1, SubjectsPerYear = 10 });
        Assert.Equal(3_000_000m, feesOnly.AnnualCost);
        Assert.Equal(0m, feesOnly.PersonDaysPerYear);
        Assert.Equal(0m, StandardCostModel.Estimate(Licence with { SubjectsPerYear = 0 }).AnnualCost);
    }

    [Fact]
    public void The_largest_allowed_inputs_do_not_overflow()
    {
        var huge = new CostInputs
        {
            Activities = Enumerable.Range(1, StandardCostModel.MaxActivities).Select(i => new ComplianceActivity($"Bước {i}", StandardCostModel.MaxHours)).ToList(),
            HourlyIncome = StandardCostModel.MaxHourlyIncome,
            Fees = StandardCostModel.MaxMoneyPerCase,
            OutsourcedServices = StandardCostModel.MaxMoneyPerCase,
            OtherCosts = StandardCostModel.MaxMoneyPerCase,
            FrequencyPerYear = StandardCostModel.MaxFrequency,
            SubjectsPerYear = StandardCostModel.MaxSubjects,
        };
        Assert.Empty(StandardCostModel.Problems(huge));
        var estimate = StandardCostModel.Estimate(huge);
        Assert.Equal(3.3e28m, estimate.AnnualCost);
        Assert.Equal(3e19m / 8m, estimate.PersonDaysPerYear);
    }

    [Fact]
    public void Inputs_beyond_the_limits_or_negative_are_explained()
    {
        var problems = StandardCostModel.Problems(Licence with { SubjectsPerYear = 2e9m, Fees = -1 });
        Assert.Contains((nameof(CostInputs.SubjectsPerYear), "Số đối tượng mỗi năm vượt quá 1.000.000.000; hãy kiểm tra lại đơn vị."), problems);
        Assert.Contains(problems, p => p.Field == nameof(CostInputs.Fees) && p.Message == "Phí, lệ phí không được âm.");
    }

    [Fact]
    public void Savings_add_up_over_items_and_abolition_saves_everything()
    {
        var before = StandardCostModel.Estimate(Licence);
        var simplified = StandardCostModel.Estimate(Licence with { Fees = 600_000, Activities = [new("Nộp trực tuyến", 2)] });
        var saving = CostSaving.Between([(before, simplified), (before, CostEstimate.Zero)]);

        Assert.Equal(2_400_000_000m, saving.AnnualCostBefore);
        Assert.Equal(600m * (2 * 25_000 + 600_000 + 500_000 + 50_000), saving.AnnualCostAfter);
        Assert.Equal(saving.AnnualCostBefore - saving.AnnualCostAfter, saving.AnnualSaving);
        Assert.Equal(1_500m - 150m, saving.PersonDaysSaved);
        Assert.Null(CostSaving.Between([]).Share);
    }
}
