using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>Per agency, the feedback due: answered on time, late, still overdue — public beside the consultation answers.</summary>
public static class FeedbackTimeliness
{
    public sealed record Row
    {
        public string AgencyName { get; init; } = "";
        public int Filed { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
        public int Overdue { get; init; }
        public int Pending { get; init; }
        public int Satisfied { get; init; }
        public int Rated { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    /// <summary>What lateness is read from; <see cref="FeedbackRow.IsLate"/> decides it, here as on every feedback page.</summary>
    private sealed record Due
    {
        public string AgencyName { get; init; } = "";
        public string AnswerDue { get; init; } = "";
        public string? AnsweredOn { get; init; }
        public bool? Satisfied { get; init; }
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = clock.Today();
            var dues = await db.Connection.QueryAsync<Due>(db.Command(
                $"select a.name agency_name, f.answer_due, f.answered_on, f.satisfied {FeedbackRecords.Visible} and f.hidden_at is null",
                user.Visibility.With(new { }), cancellationToken));
            return dues
                .Select(d => (d.AgencyName, d.Satisfied, Answered: d.AnsweredOn is not null,
                    Late: new FeedbackRow { AnswerDue = d.AnswerDue, AnsweredOn = d.AnsweredOn }.IsLate(today)))
                .GroupBy(d => d.AgencyName)
                .Select(g => new Row
                {
                    AgencyName = g.Key,
                    Filed = g.Count(),
                    OnTime = g.Count(d => d.Answered && !d.Late),
                    Late = g.Count(d => d.Answered && d.Late),
                    Overdue = g.Count(d => !d.Answered && d.Late),
                    Pending = g.Count(d => !d.Answered && !d.Late),
                    Satisfied = g.Count(d => d.Satisfied == true),
                    Rated = g.Count(d => d.Satisfied is not null),
                })
                .OrderByDescending(r => r.Overdue).ThenBy(r => r.AgencyName)
                .ToList();
        }
    }
}
