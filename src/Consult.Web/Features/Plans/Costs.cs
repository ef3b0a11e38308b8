using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Plans;

/// <summary>Cost inputs as stored: JSON keeps every decimal exactly as typed.</summary>
public static class CostJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CostInputs inputs) => JsonSerializer.Serialize(inputs, Options);

    public static CostInputs Read(string? json) => string.IsNullOrEmpty(json) ? CostInputs.None : JsonSerializer.Deserialize<CostInputs>(json, Options)!;
}

/// <summary>The national hourly income used for a year's estimates: that year's, or the nearest earlier one.</summary>
public static class HourlyIncomes
{
    public sealed record Row
    {
        public int Year { get; init; }
        public string Amount { get; init; } = "0";
        public string Source { get; init; } = "";
        public decimal Value => decimal.Parse(Amount, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<Row?> ForYearAsync(Db db, int year, CancellationToken cancellationToken) =>
        await db.Connection.QueryFirstOrDefaultAsync<Row>(db.Command(
            "select year, amount, source from hourly_income where year <= @year order by year desc limit 1", new { year }, cancellationToken))
        ?? await db.Connection.QueryFirstOrDefaultAsync<Row>(db.Command(
            "select year, amount, source from hourly_income order by year limit 1", null, cancellationToken));
}

/// <summary>The cost fields of a form, as typed; read with Vietnamese number conventions.</summary>
public sealed record CostForm
{
    [Display(Name = "Các bước thực hiện và số giờ (mỗi dòng: tên bước: số giờ)")]
    public string? Activities { get; init; }

    [Display(Name = "Phí, lệ phí mỗi lần (đồng)")] public string? Fees { get; init; }
    [Display(Name = "Chi phí thuê dịch vụ, tư vấn mỗi lần (đồng)")] public string? OutsourcedServices { get; init; }
    [Display(Name = "Chi phí khác mỗi lần: sao chụp, công chứng, đi lại (đồng)")] public string? OtherCosts { get; init; }
    [Display(Name = "Số lần thực hiện mỗi năm của một đối tượng")] public string? FrequencyPerYear { get; init; }
    [Display(Name = "Số đối tượng thực hiện mỗi năm")] public string? SubjectsPerYear { get; init; }

    public static CostForm From(CostInputs inputs) => new()
    {
        Activities = string.Join("\n", inputs.Activities.Select(a => $"{a.Name}: {VietnameseNumbers.Show(a.Hours, 2).TrimEnd('0').TrimEnd(',')}")),
        Fees = Show(inputs.Fees),
        OutsourcedServices = Show(inputs.OutsourcedServices),
        OtherCosts = Show(inputs.OtherCosts),
        FrequencyPerYear = Show(inputs.FrequencyPerYear),
        SubjectsPerYear = Show(inputs.SubjectsPerYear),
    };

    /// <summary>The inputs with the year's hourly income, or the problems by field (prefixed with <paramref name="prefix"/>).</summary>
    public (CostInputs? Inputs, IReadOnlyList<(string Field, string Message)> Errors) Read(decimal hourlyIncome, string prefix)
    {
        var errors = new List<(string, string)>();
        decimal Number(string field, string? text)
        {
            if (!VietnameseNumbers.TryRead(text, out var value))
            {
                errors.Add((prefix + field, $"\"{text}\" không phải là số."));
            }
            return value;
        }
        var activities = new List<ComplianceActivity>();
        foreach (var line in (Activities ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.LastIndexOf(':');
            if (colon <= 0 || !VietnameseNumbers.TryRead(line[(colon + 1)..], out var hours))
            {
                errors.Add((prefix + nameof(Activities), $"Dòng \"{line}\" cần có dạng tên bước: số giờ (ví dụ Chuẩn bị hồ sơ: 4,5)."));
                continue;
            }
            activities.Add(new ComplianceActivity(line[..colon].Trim(), hours));
        }
        var inputs = new CostInputs
        {
            Activities = activities,
            HourlyIncome = hourlyIncome,
            Fees = Number(nameof(Fees), Fees),
            OutsourcedServices = Number(nameof(OutsourcedServices), OutsourcedServices),
            OtherCosts = Number(nameof(OtherCosts), OtherCosts),
            FrequencyPerYear = Number(nameof(FrequencyPerYear), FrequencyPerYear),
            SubjectsPerYear = Number(nameof(SubjectsPerYear), SubjectsPerYear),
        };
        errors.AddRange(StandardCostModel.Problems(inputs).Select(p => (prefix + p.Field, p.Message)));
        return errors.Count > 0 ? (null, errors) : (inputs, []);
    }

    private static string Show(decimal value) => value == decimal.Truncate(value) ? VietnameseNumbers.Show(value) : VietnameseNumbers.Show(value, 2);
}
