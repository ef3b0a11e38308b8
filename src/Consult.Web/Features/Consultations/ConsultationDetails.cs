using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>One consultation with what the reader may do on it.</summary>
public static class ConsultationDetails
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Result(ConsultationSheet Sheet, long? UserId, bool CanComment, bool CanManage, bool CanAnswer, bool CanModerate, bool SeesHidden, bool Following,
        bool CanGiveOpinion)
    {
        public bool IsOwn(CommentRow comment) => comment.UserId == UserId;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options, IMediator mediator) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.Id, cancellationToken) is not { } sheet)
            {
                return null;
            }
            var lead = user.Holds(Roles.Lead, sheet.Header.AgencyId) && !user.IsSystem;
            var moderator = user.IsIn(Roles.Reviewer) || user.IsIn(Roles.Admin);
            return new Result(
                sheet,
                user.Id,
                CanComment: user.IsSignedIn && sheet.Status == ConsultationStatus.Open && user.AgencyId != sheet.Header.AgencyId,
                CanManage: lead,
                CanAnswer: lead && sheet.Status is ConsultationStatus.Closed or ConsultationStatus.Answered,
                CanModerate: moderator,
                SeesHidden: moderator,
                Following: await mediator.Send(new FollowStatus.Query("consultation", request.Id), cancellationToken),
                CanGiveOpinion: user.IsIn(Roles.Advisor) && sheet.Header.Published && sheet.Header.Subject != "regulation");
        }
    }

    /// <summary>A consultation as <c>/api/v1/consultations</c> lists it: its window, its status and its counts.</summary>
    public static Dictionary<string, object?> Json(ConsultationSheet sheet)
    {
        var h = sheet.Header;
        var counted = sheet.Counted.ToList();
        return new Dictionary<string, object?>
        {
            ["id"] = h.Id,
            ["agency"] = new { code = h.AgencyCode, name = h.AgencyName },
            ["title"] = h.Title,
            ["subject"] = h.Subject,
            ["status"] = ConsultationStatuses.Code(sheet.Status),
            ["opensOn"] = h.OpensOn,
            ["closesOn"] = h.ClosesOn,
            ["closedOn"] = h.ClosedOn,
            ["answersDue"] = sheet.Status is ConsultationStatus.Closed or ConsultationStatus.Answered ? sheet.AnswersDue.ToString(Domain.Text.IsoDate.Pattern) : null,
            ["counts"] = new
            {
                comments = sheet.Comments.Count,
                hidden = sheet.Comments.Count(c => c.IsHidden),
                withdrawn = sheet.Comments.Count(c => c.IsWithdrawn),
                answered = counted.Count(c => c.Verdict is not null),
                overdue = counted.Count(c => c.Verdict is null && sheet.IsAnswerLate(c)),
                byStance = SubmitComment.Stances.Keys.ToDictionary(s => s, s => sheet.Comments.Count(c => c.Stance == s)),
            },
        };
    }

    /// <summary>The answer of <c>/api/v1/consultations/{id}</c>: the listed fields, the items, every comment (no text when hidden) with its answer and rating, and the council's opinions.</summary>
    public static Dictionary<string, object?> Json(ConsultationSheet sheet, IReadOnlyList<CouncilOpinions.Opinion> opinions)
    {
        var summary = Json(sheet);
        summary["items"] = sheet.Items.Select(i => new { id = i.Id, label = i.Label, regulation = i.RegulationCode });
        summary["comments"] = sheet.Comments.Select(c => new
        {
            id = c.Id,
            item = c.ItemId,
            respondent = c.RespondentKind,
            stance = c.Stance,
            text = c.IsHidden ? null : c.Body,
            hidden = c.IsHidden ? new { reason = c.HiddenReason } : null,
            withdrawnAt = c.WithdrawnAt,
            repeat = c.RepeatOf is not null,
            createdAt = c.CreatedAt,
            attachment = c.IsHidden || c.AttachmentId is null ? null : ConsultationLinks.Attachment(c.AttachmentId.Value),
            answer = c.Verdict is null ? null : new { verdict = c.Verdict, explanation = c.Explanation, answeredOn = c.AnsweredOn, late = sheet.IsAnswerLate(c) },
            rating = c.Satisfied is null ? null : new { satisfied = c.Satisfied, remark = c.Remark },
        });
        summary["councilOpinions"] = opinions.Select(o => new
        {
            id = o.Id, signedAs = o.SignedAs, text = o.IsHidden ? null : o.Body, hidden = o.IsHidden ? new { reason = o.HiddenReason } : null, publishedAt = o.PublishedAt,
        });
        return summary;
    }
}
