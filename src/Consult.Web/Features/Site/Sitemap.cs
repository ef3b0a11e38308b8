using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Site;

/// <summary>
/// The pages a search engine may list: what an anonymous reader may open, by the same visibility rules as the pages
/// themselves. Regulations come in parts small enough for one sitemap file each (the format allows 50,000 addresses).
/// </summary>
public static class Sitemap
{
    public const int RegulationsPerPart = 40_000;

    private static readonly string[] FixedPages =
        [HomeLinks.Index, SearchLinks.Index, LegalDocumentLinks.List, AgencyLinks.List, ConsultationLinks.List(), PlanLinks.List,
         EffortIndexLinks.Index(), EffortIndexLinks.Methodology, PlanLinks.ApprovedReport(), PlanLinks.ExecutedReport(),
         StatisticsLinks.Published(), ApiDocsLinks.Index, AboutLinks.Privacy, AboutLinks.Terms, AboutLinks.OpenData];

    /// <summary>How many regulation parts there are.</summary>
    public sealed record PartsQuery : IRequest<int>;

    /// <summary>The fixed pages, agencies, documents, consultations and plans.</summary>
    public sealed record PagesQuery : IRequest<IReadOnlyList<string>>;

    /// <summary>Part <see cref="Part"/> (from 1) of the public regulations.</summary>
    public sealed record RegulationsQuery(int Part) : IRequest<IReadOnlyList<string>>;

    public sealed class Handler(Db db) :
        IRequestHandler<PartsQuery, int>, IRequestHandler<PagesQuery, IReadOnlyList<string>>, IRequestHandler<RegulationsQuery, IReadOnlyList<string>>
    {
        private static readonly Visibility Anonymous = new(SeesAll: false, OwnAgency: -1);

        public async Task<int> Handle(PartsQuery request, CancellationToken cancellationToken)
        {
            var count = await db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) from regulation r where {Visibility.Regulations}", Anonymous, cancellationToken));
            return Math.Max(1, (count + RegulationsPerPart - 1) / RegulationsPerPart);
        }

        public async Task<IReadOnlyList<string>> Handle(PagesQuery request, CancellationToken cancellationToken)
        {
            var agencies = await db.Connection.QueryAsync<string>(db.Command("select code from agency order by code", null, cancellationToken));
            var documents = await db.Connection.QueryAsync<long>(db.Command("select id from legal_document order by id", null, cancellationToken));
            var consultations = await db.Connection.QueryAsync<long>(db.Command("select id from consultation where published = true order by id", null, cancellationToken));
            var plans = await db.Connection.QueryAsync<long>(db.Command($"select p.id from plan p where {Visibility.Plans} order by p.id", Anonymous, cancellationToken));
            return
            [
                .. FixedPages,
                .. agencies.Select(code => AgencyLinks.Details(code)),
                .. documents.Select(id => LegalDocumentLinks.Details(id)),
                .. consultations.Select(id => ConsultationLinks.Details(id)),
                .. plans.Select(id => PlanLinks.Details(id)),
            ];
        }

        public async Task<IReadOnlyList<string>> Handle(RegulationsQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<string>(db.Command(
                $"select r.code from regulation r where {Visibility.Regulations} order by r.id limit @take offset @skip",
                Anonymous.With(new { take = RegulationsPerPart, skip = (request.Part - 1) * RegulationsPerPart }), cancellationToken)))
            .Select(code => RegulationLinks.Details(code)).ToList();
    }
}
