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
}
