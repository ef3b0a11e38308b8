using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Consultations the reader may see, filtered by status and agency.</summary>
public static class ConsultationList
{
    public sealed record Query : IRequest<Result>
    {
        public string? Status { get; init; }
        public string? Agency { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<ConsultationSheet> Consultations, bool CanCreate);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (request.Status == ConsultationStatuses.Code(ConsultationStatus.Open))
            {
                // The home page asks for these on every visit: read only windows that can be open today.
                where.Add("c.published = true and c.closed_on is null and c.opens_on <= @today and @today <= c.closes_on");
            }
            var sheets = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, string.Join(" and ", where),
                new { request.Agency, today = clock.Today().ToString(Domain.Text.IsoDate.Pattern) });
            var filtered = sheets.Where(s => string.IsNullOrWhiteSpace(request.Status) || ConsultationStatuses.Code(s.Status) == request.Status).ToList();
            return new Result(request, filtered, user.IsIn(Roles.Lead));
        }
    }
}

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
            if (await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.Id) is not { } sheet)
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
                Following: await mediator.Send(new Follow.IsFollowing("consultation", request.Id), cancellationToken),
                CanGiveOpinion: user.IsIn(Roles.Advisor) && sheet.Header.Published && sheet.Header.Subject != "regulation");
        }
    }
}

/// <summary>The summary report (báo cáo tổng hợp, tiếp thu, giải trình): counts by stance and respondent, every comment and its answer.</summary>
public static class ConsultationReport
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Result(ConsultationSheet Sheet, IReadOnlyDictionary<string, int> ByStance, IReadOnlyDictionary<string, int> ByRespondent,
        IReadOnlyDictionary<string, int> ByVerdict, int Satisfied, int Dissatisfied);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.Id) is not { } sheet)
            {
                return null;
            }
            var counted = sheet.Comments;
            return new Result(
                sheet,
                SubmitComment.Stances.ToDictionary(s => s.Value, s => counted.Count(c => c.Stance == s.Key)),
                UserKinds.All.ToDictionary(UserKinds.Label, k => counted.Count(c => c.RespondentKind == UserKinds.Code(k))),
                AnswerComment.Verdicts.ToDictionary(v => v.Value, v => counted.Count(c => c.Verdict == v.Key)),
                counted.Count(c => c.Satisfied == true),
                counted.Count(c => c.Satisfied == false));
        }
    }
}

/// <summary>Per agency, the answers due: on time, late, and still overdue — public, from working days.</summary>
public static class AnswerTimeliness
{
    public sealed record Row(string AgencyCode, string AgencyName, int Comments, int OnTime, int Late, int Overdue, int Pending, int Satisfied, int Rated);

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var sheets = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, "c.published = true");
            return sheets
                .Where(s => s.Status is ConsultationStatus.Closed or ConsultationStatus.Answered)
                .GroupBy(s => (s.Header.AgencyCode, s.Header.AgencyName))
                .Select(g =>
                {
                    var comments = g.SelectMany(s => s.Counted.Select(c => (Sheet: s, Comment: c))).ToList();
                    bool Late((ConsultationSheet Sheet, CommentRow Comment) x) => x.Sheet.IsAnswerLate(x.Comment);
                    return new Row(g.Key.AgencyCode, g.Key.AgencyName, comments.Count,
                        OnTime: comments.Count(x => x.Comment.Verdict is not null && !Late(x)),
                        Late: comments.Count(x => x.Comment.Verdict is not null && Late(x)),
                        Overdue: comments.Count(x => x.Comment.Verdict is null && Late(x)),
                        Pending: comments.Count(x => x.Comment.Verdict is null && !Late(x)),
                        Satisfied: comments.Count(x => x.Comment.Satisfied == true),
                        Rated: comments.Count(x => x.Comment.Satisfied is not null));
                })
                .OrderByDescending(r => r.Overdue).ThenBy(r => r.AgencyName)
                .ToList();
        }
    }
}
