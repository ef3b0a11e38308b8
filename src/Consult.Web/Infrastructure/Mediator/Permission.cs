using Consult.Domain.Text;

namespace Consult.Web.Infrastructure.Mediator;

/// <summary>
/// Who may send a command. Agency work names every agency, regulation, legal document, plan and consultation the
/// command touches; <see cref="AuthorizationBehavior{TRequest,TResponse}"/> finds their agencies and checks the role in
/// each. Authorship names the comments only their writer may act on.
/// </summary>
public sealed record Permission
{
    private Permission()
    {
    }

    public bool Anyone { get; private init; }
    /// <summary>Any one of these roles will do.</summary>
    public IReadOnlyList<string> Roles { get; private init; } = [];
    public bool InAgencies { get; private init; }
    public IReadOnlyList<string> Agencies { get; private init; } = [];
    public IReadOnlyList<string> Regulations { get; private init; } = [];
    public IReadOnlyList<long> Documents { get; private init; } = [];
    public IReadOnlyList<long> Plans { get; private init; } = [];
    public IReadOnlyList<long> Consultations { get; private init; } = [];
    public IReadOnlyList<long> AuthoredComments { get; private init; } = [];
    /// <summary>Feedback its agency must answer, and feedback offered to an agency by a transfer (the agency that decides).</summary>
    public IReadOnlyList<long> Feedback { get; private init; } = [];
    public IReadOnlyList<long> FeedbackOffered { get; private init; } = [];
    public IReadOnlyList<long> AuthoredFeedback { get; private init; } = [];

    /// <summary>True when the command names nothing it acts on yet: it acts for the user's own agency.</summary>
    public bool NamesNothing => Agencies.Count == 0 && Regulations.Count == 0 && Documents.Count == 0 && Plans.Count == 0 && Consultations.Count == 0
        && Feedback.Count == 0 && FeedbackOffered.Count == 0;

    /// <summary>Registration and password reset: whoever asks.</summary>
    public static Permission Everyone { get; } = new() { Anyone = true };

    /// <summary>Something a signed-in user does to their own account.</summary>
    public static Permission SignedIn { get; } = new();

    public static Permission HoldingRole(params string[] roles) => new() { Roles = roles };

    /// <summary>Only the user who wrote the comment.</summary>
    public static Permission AuthorOf(long commentId) => new() { AuthoredComments = [commentId] };

    /// <summary>Only the user who filed the feedback.</summary>
    public static Permission AuthorOfFeedback(long feedbackId) => new() { AuthoredFeedback = [feedbackId] };

    public static Permission AgencyWork(
        string role,
        IEnumerable<string>? agencies = null,
        IEnumerable<string>? regulations = null,
        IEnumerable<long>? documents = null,
        IEnumerable<long>? plans = null,
        IEnumerable<long>? consultations = null,
        IEnumerable<long>? feedback = null,
        IEnumerable<long>? feedbackOffered = null) => new()
        {
            Roles = Domain.Accounts.Roles.IsAgencyRole(role) ? [role] : throw new ArgumentException("Agency work needs an agency role.", nameof(role)),
            InAgencies = true,
            Agencies = agencies?.Select(AgencyCode.Normalize).Where(code => code.Length > 0).Distinct().ToList() ?? [],
            Regulations = regulations?.Distinct().ToList() ?? [],
            Documents = documents?.Distinct().ToList() ?? [],
            Plans = plans?.Distinct().ToList() ?? [],
            Consultations = consultations?.Distinct().ToList() ?? [],
            Feedback = feedback?.Distinct().ToList() ?? [],
            FeedbackOffered = feedbackOffered?.Distinct().ToList() ?? [],
        };
}
