namespace Consult.Web.Infrastructure.Validation;

/// <summary>
/// The user's input cannot be accepted, for reasons that need data (a taken code, a stale version).
/// Thrown by handlers; <see cref="UserInputFilter"/> shows the same form again with the messages.
/// </summary>
public sealed class UserInputException(IReadOnlyList<(string Field, string Message)> errors, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public UserInputException(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
        : this([(field, message)], statusCode)
    {
    }

    public IReadOnlyList<(string Field, string Message)> Errors { get; } = errors;

    /// <summary>
    /// The one answer to a stale form, whatever it edits: someone saved the record after this form was opened, so
    /// nothing is written (409) and the user is told which version is now stored. <paramref name="record"/> names it
    /// ("Phương án", "Quy định 1.000106"); <paramref name="opened"/> is the version the form showed, when the record is versioned.
    /// </summary>
    public static UserInputException Stale(string record, long? stored, long? opened = null, string? savedBy = null, string? savedAt = null) => new("",
        $"{record} đã được {savedBy ?? "người khác"} cập nhật{(stored is null ? "" : $" lên phiên bản {stored}")}{(savedAt is null ? "" : " lúc " + savedAt)}"
        + (opened is null ? " sau khi bạn mở trang" : $", sau phiên bản {opened} bạn đã mở")
        + ". Thay đổi của bạn chưa được lưu để không ghi đè; hãy mở lại bản mới rồi sửa.",
        StatusCodes.Status409Conflict);

    public int StatusCode { get; } = statusCode;
}

/// <summary>The current user may not do this. Answered with 403 (or the sign-in page for nobody).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
