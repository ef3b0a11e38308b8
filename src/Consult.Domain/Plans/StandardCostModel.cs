using Consult.Domain.Text;

namespace Consult.Domain.Plans;

/// <summary>One step a business takes to comply (finding information, preparing the dossier, submitting…) and its hours.</summary>
public sealed record ComplianceActivity(string Name, decimal Hours);

/// <summary>What complying with one regulation takes, as the Standard Cost Model asks for it. Missing values count as zero.</summary>
public sealed record CostInputs
{
    public IReadOnlyList<ComplianceActivity> Activities { get; init; } = [];
    /// <summary>VND per hour: the national parameter of the estimate's year.</summary>
    public decimal HourlyIncome { get; init; }
    /// <summary>Fees and charges (phí, lệ phí) per case, VND.</summary>
    public decimal Fees { get; init; }
    /// <summary>Outsourced services and consultants per case, VND.</summary>
    public decimal OutsourcedServices { get; init; }
    /// <summary>Other out-of-pocket costs per case (copies, notarisation, travel), VND.</summary>
    public decimal OtherCosts { get; init; }
    /// <summary>How often one subject complies in a year.</summary>
    public decimal FrequencyPerYear { get; init; }
    /// <summary>How many businesses or people comply in a year.</summary>
    public decimal SubjectsPerYear { get; init; }

    public static CostInputs None { get; } = new();
}

/// <summary>The yearly burden of one regulation; money in VND, unrounded.</summary>
public sealed record CostEstimate(decimal HoursPerCase, decimal CostPerCase, decimal CasesPerYear, decimal AnnualCost, decimal HoursPerYear)
{
    public decimal PersonDaysPerYear => HoursPerYear / StandardCostModel.HoursPerPersonDay;

    public static CostEstimate Zero { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>Before against after: what a change saves each year.</summary>
public sealed record CostSaving(decimal AnnualCostBefore, decimal AnnualCostAfter, decimal PersonDaysBefore, decimal PersonDaysAfter)
{
    public decimal AnnualSaving => AnnualCostBefore - AnnualCostAfter;
    public decimal PersonDaysSaved => PersonDaysBefore - PersonDaysAfter;
    /// <summary>The saving as a share of the cost before; null when there was no cost to save.</summary>
    public decimal? Share => AnnualCostBefore == 0 ? null : AnnualSaving / AnnualCostBefore;

    public static CostSaving Between(IEnumerable<(CostEstimate Before, CostEstimate After)> pairs)
    {
        decimal costBefore = 0, costAfter = 0, daysBefore = 0, daysAfter = 0;
        foreach (var (before, after) in pairs)
        {
            costBefore += before.AnnualCost;
            costAfter += after.AnnualCost;
            daysBefore += before.PersonDaysPerYear;
            daysAfter += after.PersonDaysPerYear;
        }
        return new CostSaving(costBefore, costAfter, daysBefore, daysAfter);
    }
}

/// <summary>
/// The Standard Cost Model as Vietnam applies it: cost per case = Σ hours × hourly income + fees + outsourced
/// services + other costs; annual cost = cost per case × frequency × subjects. Inputs within <see cref="Problems"/>'
/// limits cannot overflow <see cref="decimal"/>.
/// </summary>
public static class StandardCostModel
{
    public const decimal HoursPerPersonDay = 8;
    public const int MaxActivities = 30;
    public const decimal MaxHours = 10_000;
    public const decimal MaxHourlyIncome = 1_000_000_000;
    public const decimal MaxMoneyPerCase = 10_000_000_000_000;
    public const decimal MaxFrequency = 100_000;
    public const decimal MaxSubjects = 1_000_000_000;

    public static CostEstimate Estimate(CostInputs inputs)
    {
        var hours = inputs.Activities.Sum(a => a.Hours);
        var costPerCase = hours * inputs.HourlyIncome + inputs.Fees + inputs.OutsourcedServices + inputs.OtherCosts;
        var cases = inputs.FrequencyPerYear * inputs.SubjectsPerYear;
        return new CostEstimate(hours, costPerCase, cases, costPerCase * cases, hours * cases);
    }

    /// <summary>What is wrong with the inputs, by field, in Vietnamese; empty when they can be estimated.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(CostInputs inputs)
    {
        var problems = new List<(string, string)>();
        void Check(string field, decimal value, decimal max, string what)
        {
            if (value < 0)
            {
                problems.Add((field, $"{what} không được âm."));
            }
            else if (value > max)
            {
                problems.Add((field, $"{what} vượt quá {VietnameseNumbers.Show(max)}; hãy kiểm tra lại đơn vị."));
            }
        }
        if (inputs.Activities.Count > MaxActivities)
        {
            problems.Add((nameof(CostInputs.Activities), $"Tối đa {MaxActivities} bước thực hiện."));
        }
        foreach (var activity in inputs.Activities)
        {
            Check(nameof(CostInputs.Activities), activity.Hours, MaxHours, $"Số giờ của bước \"{activity.Name}\"");
        }
        Check(nameof(CostInputs.HourlyIncome), inputs.HourlyIncome, MaxHourlyIncome, "Thu nhập bình quân một giờ");
        Check(nameof(CostInputs.Fees), inputs.Fees, MaxMoneyPerCase, "Phí, lệ phí");
        Check(nameof(CostInputs.OutsourcedServices), inputs.OutsourcedServices, MaxMoneyPerCase, "Chi phí thuê dịch vụ");
        Check(nameof(CostInputs.OtherCosts), inputs.OtherCosts, MaxMoneyPerCase, "Chi phí khác");
        Check(nameof(CostInputs.FrequencyPerYear), inputs.FrequencyPerYear, MaxFrequency, "Số lần thực hiện mỗi năm");
        Check(nameof(CostInputs.SubjectsPerYear), inputs.SubjectsPerYear, MaxSubjects, "Số đối tượng mỗi năm");
        return problems;
    }
}
