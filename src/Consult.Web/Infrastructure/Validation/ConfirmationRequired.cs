namespace Consult.Web.Infrastructure.Validation;

/// <summary>
/// Thrown by a handler, after its permission and state checks and before it writes anything, when an irreversible step
/// arrives without <c>Confirmed</c>: the reader gets a page saying what will happen, with a button that posts the same
/// form again, confirmed (<see cref="UserInputFilter"/>). No script needed.
/// </summary>
public sealed class ConfirmationRequiredException(string title, IReadOnlyList<string> consequences, string confirmLabel, string cancelUrl)
    : Exception(title)
{
    public ConfirmPage Page { get; } = new(title, consequences, confirmLabel, cancelUrl);
}

/// <param name="Fields">The posted form, sent again with the confirmation (set by the filter).</param>
public sealed record ConfirmPage(string Title, IReadOnlyList<string> Consequences, string ConfirmLabel, string CancelUrl)
{
    public string Action { get; init; } = "";
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];
}
