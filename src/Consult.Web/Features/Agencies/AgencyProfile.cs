using Consult.Domain.Registry;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Agencies;

/// <summary>One agency's page: its regulation counts and its regulations in force by kind, newest first.</summary>
public static class AgencyProfile
{
    public sealed record Query(string Code) : IRequest<Result?>;

    public sealed record KindGroup(RegulationKind Kind, int Count, IReadOnlyList<Search.Search.Hit> Newest);

    public sealed record Result(AgencyRef Agency, RegistryFigure Figure, bool SeesUnpublished, IReadOnlyList<KindGroup> Kinds);

    /// <summary>The page: the profile, and whether the reader follows the agency.</summary>
    public sealed record Page(Result Details, bool Following);

    public sealed class Handler(Db db, RegistryFacts facts, RegistryFigures figures, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var current = await figures.CurrentAsync(cancellationToken);
            var agency = facts.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Code, StringComparison.OrdinalIgnoreCase));
            if (agency is null)
            {
                return null;
            }
            var hits = (await db.Connection.QueryAsync<Search.Search.Hit>(db.Command(
                $"""
                select {Search.Search.Hit.Columns}
                from regulation r join agency a on a.id = r.agency_id
                where r.agency_id = @Id and r.status = 'in_force' and {Visibility.Regulations}
                order by r.kind, r.code
                """, user.Visibility.With(new { agency.Id }), cancellationToken))).ToList();
            var groups = hits.GroupBy(h => h.KindValue)
                .Select(g => new KindGroup(g.Key, g.Count(), g.Take(10).ToList()))
                .OrderBy(g => g.Kind)
                .ToList();
            return new Result(agency, current.Of(agency.Id), user.Sees(false, agency.Id), groups);
        }
    }
}
