using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Consultations;

/// <summary>Which regulations a consultation open today asks about, by itself or as one of its items.</summary>
public static class UnderConsultation
{
    /// <summary>For each regulation under consultation among those given, the open consultation to comment in (the oldest).</summary>
    public static async Task<IReadOnlyDictionary<long, long>> AmongAsync(Db db, TimeProvider clock, IReadOnlyCollection<long> regulationIds, CancellationToken cancellationToken)
    {
        if (regulationIds.Count == 0)
        {
            return new Dictionary<long, long>();
        }
        var rows = await db.Connection.QueryAsync<(long RegulationId, long ConsultationId)>(db.Command(
            $"""
            select x.regulation_id, min(k.id) from consultation k
            join (select id consultation_id, regulation_id from consultation where regulation_id {db.Storage.In("@regulationIds")}
                  union select consultation_id, regulation_id from consultation_item where regulation_id {db.Storage.In("@regulationIds")}) x on x.consultation_id = k.id
            where k.published = true and k.closed_on is null and k.opens_on <= @today and @today <= k.closes_on
            group by x.regulation_id
            """, new { regulationIds = regulationIds.ToArray(), today = clock.Today().ToString(IsoDate.Pattern) }, cancellationToken));
        return rows.ToDictionary(r => r.RegulationId, r => r.ConsultationId);
    }
}
