using Consult.Domain.EffortIndex;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>One agency's score for a period, drillable to each indicator, with its score in the years before.</summary>
public static class AgencyIndexScore
{
    public sealed record Query(string? Period, string Agency) : IRequest<Result?>;

    public sealed record Result(IndexView View, AgencyResult Agency, IReadOnlyList<(ReportingPeriod Period, decimal Score)> Trend);

    public sealed class Handler(IndexService index) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (index.PeriodOr(request.Period) is not { } period || (await index.ViewAsync(period, cancellationToken)) is not { } view || view.Agency(request.Agency) is not { } agency)
            {
                return null;
            }
            return new Result(view, agency, await index.TrendAsync(agency.Data.Code, view, cancellationToken));
        }
    }
}
