using System.Globalization;

namespace Consult.Domain.EffortIndex;

public enum IndicatorGroup
{
    Transparency,
    Results,
    Satisfaction,
}

/// <param name="Source">Where the indicator and its weight come from: a document, or the portal's own choice, said as such.</param>
public sealed record IndicatorDefinition(string Key, IndicatorGroup Group, decimal MaxPoints, string Label, string Numerator, string Denominator, string Source = "")
{
    /// <summary>Whether numerator and denominator are amounts of money (đồng a year) rather than counts.</summary>
    public bool InDong => Key == "cost-saved";
}

/// <summary>A share of the baseline regulations and of their compliance cost to cut over a window of years, and its source.</summary>
public sealed record ReformTarget(int FromYear, int ToYear, decimal Regulations, decimal Cost, string Source)
{
    public bool Covers(int year) => FromYear <= year && year <= ToYear;
}

/// <summary>
/// How scores are computed for a period: points per indicator (a group's points are the sum of its indicators'),
/// the reform targets and the baseline. Versioned: a published period keeps the version it was computed with.
/// </summary>
public sealed record Methodology
{
    public required int Version { get; init; }
    public required IReadOnlyList<IndicatorDefinition> Indicators { get; init; }
    /// <summary>Share of the baseline regulations, and of their compliance cost, that the programme asks to cut.</summary>
    public decimal RegulationTarget { get; init; } = 0.2m;
    public decimal CostTarget { get; init; } = 0.2m;
    /// <summary>Days after an amending document within which the regulation's record must be updated.</summary>
    public int PublishWithinDays { get; init; } = 30;
    public int PlanDeadlineMonth { get; init; } = 9;
    public int PlanDeadlineDay { get; init; } = 30;

    /// <summary>The first period the version applies to (built-in versions; reviewers' versions carry it in the database).</summary>
    public string EffectiveFrom { get; init; } = "2000";

    /// <summary>
    /// The day the programme's baseline is taken: regulations in force by then, whenever they were entered on the portal.
    /// Unset in version 1, whose baseline was each regulation's first version on the portal.
    /// </summary>
    public DateOnly? BaselineDate { get; init; }

    /// <summary>Targets by window of years; a year no window covers uses <see cref="RegulationTarget"/> and <see cref="CostTarget"/> over that year.</summary>
    public IReadOnlyList<ReformTarget> Targets { get; init; } = [];

    /// <summary>
    /// Version 2 on: reform results credit regulations abolished or simplified by an issued document, and the cost
    /// that saved; approved plans count apart. Version 1 credited approved plans.
    /// </summary>
    public bool CreditsExecutedCuts { get; init; }

    /// <summary>The target that applies to a year: the narrowest window covering it, else the version's own for that year.</summary>
    public ReformTarget TargetFor(int year) =>
        Targets.Where(t => t.Covers(year)).OrderBy(t => t.ToYear - t.FromYear).FirstOrDefault()
        ?? new ReformTarget(year, year, RegulationTarget, CostTarget, "Cổng tự đặt cho năm chưa có mục tiêu chính thức.");

    public decimal GroupMax(IndicatorGroup group) => Indicators.Where(i => i.Group == group).Sum(i => i.MaxPoints);

    public static string GroupLabel(IndicatorGroup group) => group switch
    {
        IndicatorGroup.Transparency => "Công khai, minh bạch",
        IndicatorGroup.Results => "Kết quả cải cách",
        _ => "Mức độ hài lòng",
    };

    private const string PortalChoice = "Trọng số do cổng tự chọn; ba nhóm chỉ số theo tài liệu của Văn phòng Chính phủ (seed 000).";

    /// <summary>The first methodology: 30 + 50 + 20 points.</summary>
    public static Methodology Default { get; } = new()
    {
        Version = 1,
        Indicators =
        [
            new("published", IndicatorGroup.Transparency, 10, "Quy định đang có hiệu lực được công khai", "quy định đã công khai", "quy định đang có hiệu lực"),
            new("cost-estimated", IndicatorGroup.Transparency, 8, "Quy định có ước tính chi phí tuân thủ", "quy định có ước tính chi phí", "quy định đang có hiệu lực"),
            new("drafts-consulted", IndicatorGroup.Transparency, 6, "Dự thảo văn bản được lấy ý kiến trên cổng", "dự thảo đã lấy ý kiến", "dự thảo văn bản"),
            new("changes-timely", IndicatorGroup.Transparency, 6, "Thay đổi quy định được cập nhật trong hạn", "thay đổi cập nhật trong hạn", "thay đổi theo văn bản sửa đổi"),
            new("regulations-cut", IndicatorGroup.Results, 15, "Quy định cắt giảm, đơn giản hóa so với mục tiêu", "quy định trong phương án đã phê duyệt", "mục tiêu (20% quy định gốc)"),
            new("cost-saved", IndicatorGroup.Results, 15, "Chi phí tuân thủ cắt giảm so với mục tiêu", "đồng/năm tiết kiệm", "mục tiêu (20% chi phí gốc, đồng/năm)"),
            new("items-on-time", IndicatorGroup.Results, 12, "Mục phương án thực thi đúng hạn", "mục thực thi đúng hạn", "mục đến hạn"),
            new("plan-on-time", IndicatorGroup.Results, 8, "Phương án trình đúng hạn 30/9", "phương án trình đúng hạn", "phương án phải trình"),
            new("answered-on-time", IndicatorGroup.Satisfaction, 8, "Ý kiến được giải trình đúng hạn", "ý kiến giải trình đúng hạn", "ý kiến đến hạn giải trình"),
            new("satisfied", IndicatorGroup.Satisfaction, 6, "Giải trình được đánh giá hài lòng", "đánh giá hài lòng", "lượt đánh giá"),
            new("answered", IndicatorGroup.Satisfaction, 6, "Ý kiến được giải trình", "ý kiến đã giải trình", "ý kiến đã kết thúc lấy ý kiến"),
        ],
    };

    /// <summary>
    /// Version 2, from 2025: the programme's own measure. Targets of Nghị quyết 68/NQ-CP (20% / 20% over 2020–2025,
    /// against regulations in documents in force by 31/5/2020) and of 2025 (10% / 10%); cuts count once an issued
    /// document carries them out; approved plans are a smaller indicator of their own.
    /// </summary>
    public static Methodology Programme { get; } = new()
    {
        Version = 2,
        EffectiveFrom = "2025",
        BaselineDate = new DateOnly(2020, 5, 31),
        RegulationTarget = 0.1m,
        CostTarget = 0.1m,
        CreditsExecutedCuts = true,
        Targets =
        [
            new(2020, 2025, 0.2m, 0.2m, "Nghị quyết 68/NQ-CP ngày 12/5/2020: cắt giảm, đơn giản hóa ít nhất 20% quy định và 20% chi phí tuân thủ giai đoạn 2020–2025, so với quy định tại văn bản có hiệu lực đến 31/5/2020."),
            new(2025, 2025, 0.1m, 0.1m, "Mục tiêu năm 2025 trong tài liệu của Văn phòng Chính phủ (seed 000): ít nhất 10% quy định và 10% chi phí tuân thủ."),
        ],
        Indicators =
        [
            new("published", IndicatorGroup.Transparency, 10, "Quy định đang có hiệu lực được công khai", "quy định đã công khai", "quy định đang có hiệu lực", PortalChoice),
            new("cost-estimated", IndicatorGroup.Transparency, 8, "Quy định có ước tính chi phí tuân thủ", "quy định có ước tính chi phí", "quy định đang có hiệu lực", PortalChoice),
            new("drafts-consulted", IndicatorGroup.Transparency, 6, "Dự thảo văn bản được lấy ý kiến trên cổng", "dự thảo đã lấy ý kiến", "dự thảo văn bản", PortalChoice),
            new("changes-timely", IndicatorGroup.Transparency, 6, "Thay đổi quy định được cập nhật trong hạn", "thay đổi cập nhật trong hạn", "thay đổi theo văn bản sửa đổi", PortalChoice),
            new("regulations-cut", IndicatorGroup.Results, 16, "Quy định đã cắt giảm, đơn giản hóa so với mục tiêu", "quy định đã cắt giảm, đơn giản hóa bằng văn bản đã ban hành", "mục tiêu (tỷ lệ của quy định gốc)",
                "Mục tiêu theo Nghị quyết 68/NQ-CP và mục tiêu năm 2025; trọng số do cổng tự chọn."),
            new("cost-saved", IndicatorGroup.Results, 16, "Chi phí tuân thủ đã cắt giảm so với mục tiêu", "chi phí mỗi năm đã cắt giảm", "mục tiêu (tỷ lệ của chi phí gốc mỗi năm)",
                "Mục tiêu theo Nghị quyết 68/NQ-CP và mục tiêu năm 2025; trọng số do cổng tự chọn."),
            new("plans-approved", IndicatorGroup.Results, 6, "Quy định trong phương án đã được phê duyệt", "quy định trong phương án đã phê duyệt", "mục tiêu (tỷ lệ của quy định gốc)", PortalChoice),
            new("items-on-time", IndicatorGroup.Results, 7, "Mục phương án thực thi đúng hạn", "mục thực thi đúng hạn", "mục đến hạn", PortalChoice),
            new("plan-on-time", IndicatorGroup.Results, 5, "Phương án trình đúng hạn 30/9", "phương án trình đúng hạn", "phương án phải trình",
                "Hạn 30/9 theo yêu cầu của Thủ tướng (tháng 6/2023); trọng số do cổng tự chọn."),
            new("answered-on-time", IndicatorGroup.Satisfaction, 8, "Ý kiến được giải trình đúng hạn", "ý kiến giải trình đúng hạn", "ý kiến đến hạn giải trình", PortalChoice),
            new("satisfied", IndicatorGroup.Satisfaction, 6, "Giải trình được đánh giá hài lòng", "đánh giá hài lòng", "lượt đánh giá", PortalChoice),
            new("answered", IndicatorGroup.Satisfaction, 6, "Ý kiến được giải trình", "ý kiến đã giải trình", "ý kiến đã kết thúc lấy ý kiến", PortalChoice),
        ],
    };

    /// <summary>
    /// Version 3, from 2027 (the first period not yet begun when businesses' feedback arrived on the portal): feedback on
    /// regulations in force answered on time counts for transparency, and its authors' ratings for satisfaction; the other
    /// indicators of those groups give up points in proportion. Results are as in version 2.
    /// </summary>
    public static Methodology WithFeedback { get; } = Programme with
    {
        Version = 3,
        EffectiveFrom = "2027",
        Indicators =
        [
            .. Programme.Indicators.Select(i => i.Key switch
            {
                "published" => i with { MaxPoints = 9 },
                "cost-estimated" => i with { MaxPoints = 7 },
                "drafts-consulted" => i with { MaxPoints = 5 },
                "changes-timely" => i with { MaxPoints = 5 },
                "answered-on-time" => i with { MaxPoints = 6 },
                "satisfied" => i with { MaxPoints = 5 },
                "answered" => i with { MaxPoints = 5 },
                _ => i,
            }),
            new("feedback-answered-on-time", IndicatorGroup.Transparency, 4, "Phản ánh, kiến nghị được trả lời công khai đúng hạn", "phản ánh trả lời đúng hạn", "phản ánh đến hạn trả lời",
                "Tiếp nhận, trả lời phản ánh, kiến nghị của doanh nghiệp về quy định kinh doanh (seed 000, seed 001 mục II.2); trọng số do cổng tự chọn."),
            new("feedback-satisfied", IndicatorGroup.Satisfaction, 4, "Trả lời phản ánh được đánh giá hài lòng", "đánh giá hài lòng", "lượt đánh giá trả lời phản ánh", PortalChoice),
        ],
    };

    /// <summary>The versions shipped with the portal; reviewers add later ones.</summary>
    public static IReadOnlyList<Methodology> BuiltIn { get; } = [Default, Programme, WithFeedback];
}

public enum Band
{
    Excellent,
    Good,
    Average,
    Weak,
}

public static class Bands
{
    public static Band Of(decimal score) => score >= 90 ? Band.Excellent : score >= 70 ? Band.Good : score >= 50 ? Band.Average : Band.Weak;

    public static string Label(Band band) => band switch
    {
        Band.Excellent => "Xuất sắc",
        Band.Good => "Tốt",
        Band.Average => "Trung bình",
        _ => "Yếu",
    };

    /// <summary>Colours with enough contrast for white text.</summary>
    public static string Colour(Band band) => band switch
    {
        Band.Excellent => "#00703c",
        Band.Good => "#1d70b8",
        Band.Average => "#8a5a00",
        _ => "#b10e1e",
    };
}

/// <summary>A year ("2025") or a quarter ("2025-Q3"), with its first and last day.</summary>
public sealed record ReportingPeriod(string Key, DateOnly Start, DateOnly End)
{
    public string Label => Key.Contains('Q') ? $"Quý {Key[^1]}/{Start.Year}" : $"Năm {Start.Year}";

    public ReportingPeriod Previous => Key.Contains('Q')
        ? Parse(Start.AddMonths(-3).Year + "-Q" + ((Start.AddMonths(-3).Month - 1) / 3 + 1))!
        : Parse((Start.Year - 1).ToString(CultureInfo.InvariantCulture))!;

    public static ReportingPeriod? Parse(string? key)
    {
        var text = (key ?? "").Trim().ToUpperInvariant();
        var parts = text.Split("-Q");
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }
        if (parts.Length == 1)
        {
            return new ReportingPeriod(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        if (parts.Length != 2 || !int.TryParse(parts[1], out var quarter) || quarter is < 1 or > 4)
        {
            return null;
        }
        var start = new DateOnly(year, quarter * 3 - 2, 1);
        return new ReportingPeriod($"{year}-Q{quarter}", start, start.AddMonths(3).AddDays(-1));
    }

    public static ReportingPeriod YearOf(DateOnly day) => Parse(day.Year.ToString(CultureInfo.InvariantCulture))!;
}
