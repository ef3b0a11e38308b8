namespace Consult.Web.Features.Consultations;

/// <summary>How agencies keep the answer deadlines, for comments and for feedback.</summary>
public sealed record TimelinessPage(IReadOnlyList<AnswerTimeliness.Row> Answers, IReadOnlyList<Feedback.FeedbackTimeliness.Row> Feedback);

/// <summary>The advisory council's published opinions on a consultation (<c>_CouncilOpinions.cshtml</c>).</summary>
public sealed record CouncilOpinionsPanel(long ConsultationId, IReadOnlyList<CouncilOpinions.Opinion> Opinions, bool CanModerate);

/// <summary>The comment form (<c>_CommentFields.cshtml</c>); <see cref="Items"/> are the draft's articles a comment may be about.</summary>
public sealed record CommentFields(SubmitComment.Command Form, IReadOnlyList<ConsultationItem> Items);
