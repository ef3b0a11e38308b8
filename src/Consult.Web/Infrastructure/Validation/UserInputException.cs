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

    public int StatusCode { get; } = statusCode;
}

/// <summary>The current user may not do this. Answered with 403 (or the sign-in page for nobody).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
