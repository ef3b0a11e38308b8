using Consult.Domain.EffortIndex;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>The methodology in effect for the current year: indicators, weights and how each is counted.</summary>
public static class CurrentMethodology
{
    public sealed record Query : IRequest<Methodology>;

    public sealed class Handler(IndexService index) : IRequestHandler<Query, Methodology>
    {
        public Task<Methodology> Handle(Query request, CancellationToken cancellationToken) => index.MethodologyForAsync(index.PeriodOr(null)!, cancellationToken);
    }
}
