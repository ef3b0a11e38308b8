using Consult.Web.Features.Consultations;

namespace Consult.Web.Features.Feedback;

/// <summary>Notices about feedback: to its author, and to whoever follows its regulation or its agency.</summary>
public sealed class FeedbackNotices(Notifier notifier)
{
    public Task ToAuthorAsync(FeedbackRow f, string text, CancellationToken cancellationToken) =>
        notifier.NotifyUserAsync(f.UserId, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id), cancellationToken);

    public Task ToFollowersAsync(FeedbackRow f, string text, CancellationToken cancellationToken) =>
        notifier.NotifyFollowersAsync(
            "((f.target = 'regulation' and f.target_id = @RegulationId) or (f.target = 'agency' and f.target_id = @AgencyId)) and f.user_id <> @UserId",
            new { f.RegulationId, f.AgencyId, f.UserId }, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id), cancellationToken);
}
