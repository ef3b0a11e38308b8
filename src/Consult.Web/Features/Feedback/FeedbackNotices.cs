using Consult.Domain.Text;
using Consult.Web.Features.Consultations;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Feedback;

/// <summary>Notices about feedback: to its author, and to whoever follows its regulation or its agency.</summary>
public sealed class FeedbackNotices(Notifier notifier)
{
    public Task ToAuthorAsync(FeedbackRow f, string text) => notifier.NotifyUserAsync(f.UserId, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id));

    public Task ToFollowersAsync(FeedbackRow f, string text) =>
        notifier.NotifyFollowersAsync(
            "((f.target = 'regulation' and f.target_id = @RegulationId) or (f.target = 'agency' and f.target_id = @AgencyId)) and f.user_id <> @UserId",
            new { f.RegulationId, f.AgencyId, f.UserId }, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id));
}
