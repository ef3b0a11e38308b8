using Dapper;

namespace Consult.Web.Infrastructure.Data;

/// <summary>
/// The demo is loaded in one go, today; a portal in use would have years behind it. This dates the demo's records as
/// they would have come: each regulation entered on a day of 2022 or 2023 (its cost estimate with it), so the registry
/// is whole before the years it is compared over and later changes are the cuts themselves; and the moves of the
/// 1 March 2025 reorganisation on that day, so periods from 2022 on, and the 2025 ranking the demo publishes, have
/// data, with the ministries of each time.
/// </summary>
public static class DemoHistory
{
    /// <summary>Days between 3 January 2022 and 22 December 2023, over which the regulations' first versions spread.</summary>
    private const int Days = 719;

    public static async Task SpreadAsync(Db db)
    {
        var first = new DateTime(2022, 1, 3, 2, 0, 0, DateTimeKind.Utc);
        var entered = (await db.Connection.QueryAsync<long>(
                "select regulation_id from regulation_version where version = 1 and source = 'demo'", transaction: db.Transaction))
            // Moments are stored as "yyyy-MM-dd HH:mm:ss+00:00"; 02:00 UTC is 09:00 in Vietnam.
            .Select(id => new { id, savedAt = first.AddDays(id * 7919 % Days).ToString("yyyy-MM-dd HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture) });
        await db.Connection.ExecuteAsync("update regulation_version set saved_at = @savedAt where regulation_id = @id and version = 1",
            entered, db.Transaction);
        await db.Connection.ExecuteAsync(
            """
            update regulation_version
            set saved_at = (select a.valid_to || ' 17:00:00+00:00' from agency a where 'reorganise:' || a.code = regulation_version.source)
            where source like 'reorganise:%';
            update regulation set created_at = (select v.saved_at from regulation_version v where v.regulation_id = regulation.id and v.version = 1),
                updated_at = (select v.saved_at from regulation_version v where v.regulation_id = regulation.id and v.version = regulation.version),
                published_on = case when published = true then (select substr(v.saved_at, 1, 10) from regulation_version v where v.regulation_id = regulation.id and v.version = 1) end;
            update cost_estimate set updated_at = (select v.saved_at from regulation_version v where v.regulation_id = cost_estimate.regulation_id and v.version = 1);
            update cost_estimate_version set saved_at = (select c.updated_at from cost_estimate c where c.regulation_id = cost_estimate_version.regulation_id);
            """, transaction: db.Transaction);
    }

    /// <summary>
    /// The demo's real documents are the ones it describes (db/demo/legal_documents.csv, with a title); every other number
    /// it cites — the decrees and laws its plans amend, most of all — was made up, and is marked so wherever it shows.
    /// </summary>
    public static async Task MarkIllustrativeNumbersAsync(Db db) =>
        await db.Connection.ExecuteAsync(
            """
            update legal_document set illustrative = true where title = '';
            update plan_item_document set illustrative = true
            where not exists (select 1 from legal_document d where d.number = plan_item_document.number and d.illustrative = false);
            """, transaction: db.Transaction);
}
