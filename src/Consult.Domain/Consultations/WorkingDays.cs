namespace Consult.Domain.Consultations;

/// <summary>
/// Which days are worked: Monday to Friday, except the weekdays off around public holidays (the holiday, a day in
/// lieu, a day swapped to make a longer break), plus the weekend days worked in exchange for a swapped day.
/// </summary>
public sealed record WorkingCalendar(IReadOnlySet<DateOnly> WeekdaysOff, IReadOnlySet<DateOnly> WeekendsWorked)
{
    /// <summary>No holidays known: only Saturdays and Sundays are off.</summary>
    public static readonly WorkingCalendar WeekendsOnly = new(new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly day) => IsWeekend(day) ? WeekendsWorked.Contains(day) : !WeekdaysOff.Contains(day);
}

/// <summary>Deadlines counted in working days.</summary>
public static class WorkingDays
{
    /// <summary>The day on which <paramref name="days"/> working days after <paramref name="start"/> have passed.</summary>
    public static DateOnly Add(DateOnly start, int days, WorkingCalendar calendar)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }
        return day;
    }
}

public enum ConsultationStatus
{
    Draft,
    Upcoming,
    Open,
    Closed,
    Answered,
}

public static class ConsultationStatuses
{
    /// <summary>
    /// Derived from the dates, not stored: comments are taken from the opening day to the closing day inclusive.
    /// A consultation closed early by its agency is closed from then on.
    /// </summary>
    public static ConsultationStatus Of(bool published, bool closedEarly, DateOnly opensOn, DateOnly closesOn, DateOnly today, bool everyCommentAnswered)
    {
        if (!published)
        {
            return ConsultationStatus.Draft;
        }
        if (!closedEarly && today < opensOn)
        {
            return ConsultationStatus.Upcoming;
        }
        if (!closedEarly && today <= closesOn)
        {
            return ConsultationStatus.Open;
        }
        return everyCommentAnswered ? ConsultationStatus.Answered : ConsultationStatus.Closed;
    }

    public static string Code(ConsultationStatus status) => status.ToString().ToLowerInvariant();

    public static string Label(ConsultationStatus status) => status switch
    {
        ConsultationStatus.Draft => "Chưa công bố",
        ConsultationStatus.Upcoming => "Sắp lấy ý kiến",
        ConsultationStatus.Open => "Đang lấy ý kiến",
        ConsultationStatus.Closed => "Đã kết thúc, đang giải trình",
        _ => "Đã giải trình",
    };
}

/// <summary>
/// How long the public has to comment: a window counts its opening and closing days, and must last at least the
/// configured number of calendar days from the day it is published.
/// </summary>
public static class ConsultationWindowLength
{
    public static int Days(DateOnly opensOn, DateOnly closesOn) => closesOn.DayNumber - opensOn.DayNumber + 1;

    /// <summary>The days left to comment when published on <paramref name="publishedOn"/>: a window opened late is shorter.</summary>
    public static int DaysLeft(DateOnly opensOn, DateOnly closesOn, DateOnly publishedOn) =>
        Days(opensOn > publishedOn ? opensOn : publishedOn, closesOn);

    public static string TooShort(int days, int minimum) =>
        $"Thời gian lấy ý kiến phải ít nhất {minimum} ngày; đợt này chỉ có {days} ngày.";
}

/// <summary>When an answer is due and whether it came, or is, late.</summary>
public static class AnswerDeadline
{
    public static DateOnly Due(DateOnly closedOn, int workingDays, WorkingCalendar calendar) =>
        WorkingDays.Add(closedOn, workingDays, calendar);

    /// <summary>Answered after the due day, or still unanswered once it has passed.</summary>
    public static bool IsLate(DateOnly due, DateOnly? answeredOn, DateOnly today) => (answeredOn ?? today) > due;
}
