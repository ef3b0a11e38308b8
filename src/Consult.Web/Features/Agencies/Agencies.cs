using Consult.Domain.Registry;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Agencies;

public static class Agencies
{
    public sealed record ListQuery : IRequest<AgencyList>;

    /// <param name="Former">Agencies merged into others, with the agency that took them over.</param>
    public sealed record AgencyList(IReadOnlyList<AgencySummary> Current, IReadOnlyList<(AgencyRef Agency, AgencyRef? Successor)> Former);

    /// <param name="SeesUnpublished">Whether the reader may see the agency's unpublished regulations (and their count).</param>
    public sealed record AgencySummary(AgencyRef Agency, RegistryFigure Figure, bool SeesUnpublished);

    public sealed record DetailsQuery(string Code) : IRequest<AgencyDetails?>;

    public sealed record KindGroup(RegulationKind Kind, int Count, IReadOnlyList<Search.Search.Hit> Newest);

    public sealed record AgencyDetails(AgencyRef Agency, RegistryFigure Figure, bool SeesUnpublished, IReadOnlyList<KindGroup> Kinds);

    public sealed class Handler(Db db, RegistryFacts facts, RegistryFigures figures, CurrentUser user, TimeProvider clock) :
        IRequestHandler<ListQuery, AgencyList>,
        IRequestHandler<DetailsQuery, AgencyDetails?>
    {
        public async Task<AgencyList> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            var current = await figures.CurrentAsync();
            var today = clock.Today();
            var summaries = facts.Agencies.Where(a => a.ExistsOn(today))
                .Select(a => new AgencySummary(a, current.Of(a.Id), user.Sees(false, a.Id)))
                .OrderByDescending(s => s.Figure.Published.Total).ThenBy(s => s.Agency.Name)
                .ToList();
            var former = facts.Agencies.Where(a => !a.ExistsOn(today))
                .Select(a => (a, facts.Agencies.FirstOrDefault(s => s.Id == a.SuccessorId))).ToList();
            return new AgencyList(summaries, former);
        }

        public async Task<AgencyDetails?> Handle(DetailsQuery request, CancellationToken cancellationToken)
        {
            var current = await figures.CurrentAsync();
            var agency = facts.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Code, StringComparison.OrdinalIgnoreCase));
            if (agency is null)
            {
                return null;
            }
            var hits = (await db.Connection.QueryAsync<Search.Search.Hit>(
                $"""
                select {Search.Search.Hit.Columns}
                from regulation r join agency a on a.id = r.agency_id
                where r.agency_id = @Id and r.status = 'in_force' and {Visibility.Regulations}
                order by r.kind, r.code
                """, user.Visibility.With(new { agency.Id }))).ToList();
            var groups = hits.GroupBy(h => h.KindValue)
                .Select(g => new KindGroup(g.Key, g.Count(), g.Take(10).ToList()))
                .OrderBy(g => g.Kind)
                .ToList();
            return new AgencyDetails(agency, current.Of(agency.Id), user.Sees(false, agency.Id), groups);
        }
    }
}
