namespace Consult.Web.Features.Consultations;

/// <summary>How agencies keep the answer deadlines, for comments and for feedback.</summary>
public sealed record TimelinessPage(IReadOnlyList<AnswerTimeliness.Row> Answers, IReadOnlyList<Feedback.FeedbackTimeliness.Row> Feedback);

/// <summary>The advisory council's published opinions on a consultation (<c>_CouncilOpinions.cshtml</c>).</summary>
public sealed record CouncilOpinionsPanel(long ConsultationId, IReadOnlyList<CouncilOpinions.Opinion> Opinions, bool CanModerate);

/// <summary>The comment form (<c>_CommentFields.cshtml</c>); <see cref="Items"/> are the draft's articles a comment may be about.</summary>
public sealed record CommentFields(SubmitComment.Command Form, IReadOnlyList<ConsultationItem> Items);

/// <summary>
/// Everything a consultation's page shows beside the consultation itself: the published changes to its window, its
/// papers, the plan it consults on and the advisory council's opinions.
/// </summary>
public sealed record ConsultationPage(
    ConsultationDetails.Result Details,
    IReadOnlyList<WindowChanges.Change> WindowChanges,
    IReadOnlyList<ConsultationDocuments.Document> Papers,
    Plans.PlanDetails.Result? Plan,
    IReadOnlyList<CouncilOpinions.Opinion> Opinions);

/// <summary>The consultation report, with the council's opinions.</summary>
public sealed record ConsultationReportPage(ConsultationReport.Result Report, IReadOnlyList<CouncilOpinions.Opinion> Opinions);
