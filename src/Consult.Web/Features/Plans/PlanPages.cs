using Consult.Domain.Text;

namespace Consult.Web.Features.Plans;

/// <summary>A report for a range of dates, with the form that changes the range.</summary>
public sealed record ReportPage<TRow>(DateRange Range, IReadOnlyList<TRow> Rows);

/// <summary>The from/to form above a report (<c>_ReportRange.cshtml</c>).</summary>
public sealed record ReportRangeForm(string Action, DateRange Range);

/// <summary>One set of cost fields (<c>_CostFields.cshtml</c>), named under <see cref="Prefix"/> in the posted form.</summary>
public sealed record CostFields(string Prefix, CostForm Form);

public sealed record HourlyIncomePage(IReadOnlyList<HourlyIncomes.Row> Rows, SaveHourlyIncome.Command Form);
