namespace Consult.Domain.Consultations;

/// <summary>Deadlines counted in working days: Saturdays, Sundays and any listed holidays are skipped.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly>? holidays = null) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && holidays?.Contains(day) != true;

    /// <summary>The day on which <paramref name="days"/> working days after <paramref name="start"/> have passed.</summary>
    public static DateOnly Add(DateOnly start, int days, IReadOnlySet<DateOnly>? holidays = null)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays))
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

/// <summary>When an answer is due and whether it came, or is, late.</summary>
public static class AnswerDeadline
{
    public static DateOnly Due(DateOnly closedOn, int workingDays, IReadOnlySet<DateOnly>? holidays = null) =>
        WorkingDays.Add(closedOn, workingDays, holidays);

    /// <summary>Answered after the due day, or still unanswered once it has passed.</summary>
    public static bool IsLate(DateOnly due, DateOnly? answeredOn, DateOnly today) => (answeredOn ?? today) > due;
}
