namespace Consult.Domain.Text;

/// <summary>The days a report covers, either end open; read from what a reader typed (dd/mm/yyyy or yyyy-mm-dd).</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public static readonly DateRange All = new(null, null);

    /// <summary>The range, or a Vietnamese message naming what could not be read.</summary>
    public static (DateRange? Range, string? Error) Read(string? from, string? to)
    {
        DateOnly? Day(string? text, out bool bad)
        {
            bad = !string.IsNullOrWhiteSpace(text) && !IsoDate.TryRead(text, out _);
            return !string.IsNullOrWhiteSpace(text) && IsoDate.TryRead(text, out var day) ? day : null;
        }
        var start = Day(from, out var badFrom);
        var end = Day(to, out var badTo);
        if (badFrom || badTo)
        {
            return (null, IsoDate.Invalid(badFrom ? from : to));
        }
        return start > end ? (null, "Ngày bắt đầu phải trước ngày kết thúc.") : (new DateRange(start, end), null);
    }

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);

    public bool Contains(string? isoDay) => IsoDate.TryRead(isoDay, out var day) && Contains(day);

    /// <summary>As a heading says it: "từ 01/01/2021 đến 30/06/2022", "đến ngày 30/06/2022", or "toàn bộ thời gian".</summary>
    public string Label => (From, To) switch
    {
        ({ } f, { } t) => $"từ {VietnameseDates.Show(f)} đến {VietnameseDates.Show(t)}",
        ({ } f, null) => $"từ {VietnameseDates.Show(f)} đến nay",
        (null, { } t) => $"đến ngày {VietnameseDates.Show(t)}",
        _ => "toàn bộ thời gian",
    };

    /// <summary>For file names: "2021-01-01_2022-06-30".</summary>
    public string FileSuffix => $"{From?.ToString(IsoDate.Pattern) ?? "dau"}_{To?.ToString(IsoDate.Pattern) ?? "nay"}";
}
