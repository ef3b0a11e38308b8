using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using MediatR;

namespace Consult.Web.Features.Agencies;

/// <summary>Today's ministries and agencies with their regulation counts, and the former ones with who took them over.</summary>
public static class AgencyList
{
    public sealed record Query : IRequest<Result>;

    /// <param name="Former">Agencies merged into others, with the agency that took them over.</param>
    public sealed record Result(IReadOnlyList<Summary> Current, IReadOnlyList<(AgencyRef Agency, AgencyRef? Successor)> Former);

    /// <param name="SeesUnpublished">Whether the reader may see the agency's unpublished regulations (and their count).</param>
    public sealed record Summary(AgencyRef Agency, RegistryFigure Figure, bool SeesUnpublished);

    public sealed class Handler(RegistryFacts facts, RegistryFigures figures, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var current = await figures.CurrentAsync(cancellationToken);
            var today = clock.Today();
            var summaries = facts.Agencies.Where(a => a.ExistsOn(today))
                .Select(a => new Summary(a, current.Of(a.Id), user.Sees(false, a.Id)))
                .OrderByDescending(s => s.Figure.Published.Total).ThenBy(s => s.Agency.Name)
                .ToList();
            var former = facts.Agencies.Where(a => !a.ExistsOn(today))
                .Select(a => (a, facts.Agencies.FirstOrDefault(s => s.Id == a.SuccessorId))).ToList();
            return new Result(summaries, former);
        }
    }
}
