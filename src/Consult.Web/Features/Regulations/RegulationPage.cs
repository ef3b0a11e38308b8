using Consult.Web.Features.Consultations;
using Consult.Web.Features.Feedback;
using Consult.Web.Features.Plans;

namespace Consult.Web.Features.Regulations;

/// <summary>Everything a regulation's public page shows: the record, its compliance cost, its consultations and feedback, and whether the reader follows it.</summary>
public sealed record RegulationPage(
    Details.Result Record,
    RegulationCost.Result Cost,
    bool Following,
    IReadOnlyList<ConsultationSheet> Consultations,
    FeedbackList.Result Feedback);
