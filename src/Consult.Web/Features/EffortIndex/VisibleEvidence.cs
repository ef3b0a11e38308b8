using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>
/// The records behind a number as this reader may see them, a page at a time: regulations not yet public and
/// plans still in drafting are counted, never named, whatever a published snapshot stored about them.
/// </summary>
public static class VisibleEvidence
{
    public const int PageSize = 200;

    public sealed record Query(IReadOnlyList<Evidence> Records, int Page) : IRequest<Result>;

    /// <param name="HiddenAmount">What the hidden records add to the number (a KTCN counts its products).</param>
    public sealed record Result(IReadOnlyList<(Evidence Record, int Number)> Rows, int Page, int PageCount, int HiddenRegulations, int HiddenPlans, decimal HiddenAmount);

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var codes = request.Records.Select(RegulationOf).OfType<string>().Select(RegulationCode.Key).Distinct().ToList();
            var visibleRegulations = new HashSet<string>();
            foreach (var batch in codes.Chunk(500))
            {
                foreach (var (key, published, agencyId) in await db.Connection.QueryAsync<(string, bool, int)>(db.Command(
                    $"select code_key, published, agency_id from regulation where code_key {db.Storage.In("@batch")}", new { batch }, cancellationToken)))
                {
                    if (user.Sees(published, agencyId))
                    {
                        visibleRegulations.Add(key);
                    }
                }
            }
            var planIds = request.Records.Select(PlanOf).OfType<long>().Distinct().ToList();
            var visibility = user.Visibility;
            var visiblePlans = (await db.Connection.QueryAsync<long>(db.Command(
                $"select p.id from plan p where p.id {db.Storage.In("@planIds")} and {Visibility.Plans}", new { planIds, visibility.SeesAll, visibility.OwnAgency }, cancellationToken))).ToHashSet();

            var hiddenRegulations = 0;
            var hiddenPlans = 0;
            var hiddenAmount = 0m;
            var shown = new List<Evidence>();
            foreach (var record in request.Records)
            {
                if (RegulationOf(record) is { } code && !visibleRegulations.Contains(RegulationCode.Key(code)))
                {
                    hiddenRegulations++;
                    hiddenAmount += record.Amount;
                }
                else if (PlanOf(record) is { } plan && !visiblePlans.Contains(plan))
                {
                    hiddenPlans++;
                    hiddenAmount += record.Amount;
                }
                else
                {
                    shown.Add(record);
                }
            }
            var pageCount = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Page, 1, pageCount);
            var rows = shown.Select((r, i) => (r, i + 1)).Skip((page - 1) * PageSize).Take(PageSize).ToList();
            return new Result(rows, page, pageCount, hiddenRegulations, hiddenPlans, hiddenAmount);
        }

        // Snapshots published before records named their regulation still link to its page.
        private static string? RegulationOf(Evidence record) => record.Regulation
            ?? RegulationLinks.CodeIn(record.Url);

        private static long? PlanOf(Evidence record) =>
            PlanLinks.IdIn(record.Url);
    }
}
