namespace Consult.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
    InExecution,
    Executed,
}

/// <summary>What a plan item proposes for its regulation.</summary>
public enum PlanAction
{
    Abolish,
    Simplify,
    Amend,
    Replace,
}

public static class PlanStatuses
{
    public static string Code(PlanStatus status) => status switch
    {
        PlanStatus.InExecution => "in_execution",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static PlanStatus FromCode(string code) => Enum.GetValues<PlanStatus>().First(s => Code(s) == code);

    public static string Label(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Dự thảo",
        PlanStatus.Submitted => "Đã trình",
        PlanStatus.Returned => "Trả lại để hoàn thiện",
        PlanStatus.Approved => "Đã phê duyệt",
        PlanStatus.InExecution => "Đang thực thi",
        _ => "Đã thực thi",
    };

    /// <summary>The agency may change the plan and its items only before it is submitted, or after it is returned.</summary>
    public static bool IsEditable(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.Returned;

    public static bool CanSubmit(PlanStatus status) => IsEditable(status);

    public static bool CanReview(PlanStatus status) => status == PlanStatus.Submitted;

    public static bool CanRecordExecution(PlanStatus status) => status is PlanStatus.Approved or PlanStatus.InExecution;

    /// <summary>After an item's amending document is recorded: executed once every item has one.</summary>
    public static PlanStatus AfterExecution(int items, int executedItems) =>
        executedItems >= items ? PlanStatus.Executed : PlanStatus.InExecution;

    /// <summary>Plans are due to the Prime Minister before 30 September of their year (configurable).</summary>
    public static DateOnly Deadline(int year, int month = 9, int day = 30) => new(year, month, day);
}

public static class PlanActions
{
    public static IReadOnlyList<PlanAction> All { get; } = Enum.GetValues<PlanAction>();

    public static string Code(PlanAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParse(string? code, out PlanAction action) =>
        Enum.TryParse(code, ignoreCase: true, out action) && Enum.IsDefined(action) && !int.TryParse(code, out _);

    public static string Label(PlanAction action) => action switch
    {
        PlanAction.Abolish => "Bãi bỏ",
        PlanAction.Simplify => "Đơn giản hóa",
        PlanAction.Amend => "Sửa đổi, bổ sung",
        _ => "Thay thế",
    };
}
