using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Per agency, the answers due: on time, late, and still overdue — public, from working days.</summary>
public static class AnswerTimeliness
{
    public sealed record Row(string AgencyCode, string AgencyName, int Comments, int OnTime, int Late, int Overdue, int Pending, int Satisfied, int Rated);

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var sheets = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, "c.published = true", null, cancellationToken);
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
