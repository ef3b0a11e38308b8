using Consult.Domain.EffortIndex;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>The records counted in one indicator's numerator or denominator for an agency and period, as this reader may see them.</summary>
public static class IndicatorRecords
{
    public sealed record Query(string? Period, string Agency, string Indicator, bool Numerator, int Page) : IRequest<Result?>;

    public sealed record Result(ReportingPeriod Period, AgencyResult Agency, IndicatorDefinition Definition, IndicatorEvidence Evidence, bool Numerator, VisibleEvidence.Result Visible);

    public sealed class Handler(IndexService index, IMediator mediator) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (index.PeriodOr(request.Period) is not { } period || (await index.ViewAsync(period, cancellationToken)).Agency(request.Agency) is not { } agency
                || agency.Data.Indicators.FirstOrDefault(i => i.Key == request.Indicator) is not { } evidence)
            {
                return null;
            }
            var definition = agency.Score.Indicators.Single(i => i.Definition.Key == request.Indicator).Definition;
            var records = request.Numerator ? evidence.NumeratorRecords : evidence.DenominatorRecords;
            var visible = await mediator.Send(new VisibleEvidence.Query(records, request.Page), cancellationToken);
            return new Result(period, agency, definition, evidence, request.Numerator, visible);
        }
    }
}
