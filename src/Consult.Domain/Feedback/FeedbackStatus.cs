namespace Consult.Domain.Feedback;

/// <summary>Where a feedback (phản ánh, kiến nghị) stands; derived from what has happened to it, never stored.</summary>
public enum FeedbackStatus
{
    /// <summary>With the agency that must answer it.</summary>
    Received,
    /// <summary>Offered to another agency, which has not accepted or returned it yet.</summary>
    Transferring,
    Answered,
}

public static class FeedbackStatuses
{
    public static IReadOnlyList<FeedbackStatus> All { get; } = Enum.GetValues<FeedbackStatus>();

    public static FeedbackStatus Of(bool answered, bool transferring) =>
        answered ? FeedbackStatus.Answered : transferring ? FeedbackStatus.Transferring : FeedbackStatus.Received;

    public static string Code(FeedbackStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out FeedbackStatus status)
    {
        var known = All.Where(s => Code(s) == code?.Trim().ToLowerInvariant()).ToList();
        status = known.FirstOrDefault();
        return known.Count == 1;
    }

    public static string Label(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Received => "Đang xử lý",
        FeedbackStatus.Transferring => "Đang chuyển cơ quan khác",
        _ => "Đã trả lời",
    };
}
