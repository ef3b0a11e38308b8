namespace Consult.Web.Features.Feedback;

/// <summary>A feedback's status and deadline tags (<c>_FeedbackHeader.cshtml</c>), late or not as of today.</summary>
public sealed record FeedbackHeader(FeedbackRow Feedback, DateOnly Today);

/// <summary>The feedback section of a regulation's page (<c>_RegulationFeedback.cshtml</c>): new feedback only on one in force and published.</summary>
public sealed record RegulationFeedback(string Code, bool InForce, FeedbackList.Result Feedback);
