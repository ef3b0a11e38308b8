using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>
/// Loads the demo's plans as history: the nine plans the Prime Minister approved in 2021–2022 with their decisions
/// and counts, and three plans of 2026 still with their agencies or the reviewers. Written directly, with their
/// historic dates; the audit trail records each step as "Dữ liệu trình diễn".
/// </summary>
public static class DemoPlans
{
    private const string Actor = "Dữ liệu trình diễn";

    public static async Task LoadAsync(Db db, TimeProvider clock)
    {
        await db.InTransactionAsync(async () =>
        {
            var connection = db.Connection;
            var transaction = db.Transaction;
            string Now() => clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

            var incomes = Read("hourly_income.csv");
            await connection.ExecuteAsync("insert into hourly_income (year, amount, source, updated_at) values (@year, @amount, @source, @now)",
                incomes.Select(r => new { year = int.Parse(r["year"]), amount = r["amount"], source = r["source"], now = Now() }), transaction);

            await connection.ExecuteAsync(
                """
                insert into cost_estimate (regulation_id, year, inputs, updated_at)
                select id, @year, @inputs, @now from regulation where code_key = @key
                """,
                Read("cost_estimates.csv").Select(r => new { key = RegulationCode.Key(r["regulation"]), year = int.Parse(r["year"]), inputs = r["inputs"], now = Now() }), transaction);
            await connection.ExecuteAsync(
                "insert into cost_estimate_version (regulation_id, version, year, inputs, saved_at) select regulation_id, version, year, inputs, updated_at from cost_estimate",
                transaction: transaction);

            var planIds = new Dictionary<string, long>();
            foreach (var plan in Read("plans.csv"))
            {
                var created = $"{plan["year"]}-01-15T02:00:00Z";
                var id = await connection.ExecuteScalarAsync<long>(
                    """
                    insert into plan (agency_id, title, year, summary, status, submitted_on, decision_number, decision_date, return_reason, version, created_at, updated_at)
                    select id, @title, @year, @summary, @status, nullif(@submitted, ''), nullif(@decision, ''), nullif(@decisionDate, ''), nullif(@reason, ''), @version, @created, @created
                    from agency where code = @agency
                    returning id
                    """,
                    new
                    {
                        title = plan["title"], year = int.Parse(plan["year"]), summary = plan["summary"], status = plan["status"], submitted = plan["submitted_on"],
                        decision = plan["decision_number"], decisionDate = plan["decision_date"], reason = plan["return_reason"], agency = plan["agency"], created,
                        version = Steps(plan).Count(),
                    }, transaction);
                planIds[plan["key"]] = id;
                await connection.ExecuteAsync(
                    """
                    insert into audit_event (at, actor, action, entity, entity_key, agency_id, from_version, to_version, summary)
                    select @at, @actor, @action, 'plan', @key, id, @from, @to, @summary from agency where code = @agency
                    """,
                    Steps(plan).Select((s, i) => new { at = s.At, actor = Actor, action = s.Action, key = id.ToString(), agency = plan["agency"], from = i == 0 ? (int?)null : i, to = i + 1, summary = s.Summary }),
                    transaction);
            }

            foreach (var item in Read("plan_items.csv"))
            {
                var itemId = await connection.ExecuteScalarAsync<long>(
                    """
                    insert into plan_item (plan_id, regulation_id, action, reason, cost_before, cost_after)
                    select @planId, r.id, @action, @reason, coalesce(c.inputs, '{}'), @after
                    from regulation r left join cost_estimate c on c.regulation_id = r.id where r.code_key = @key
                    returning id
                    """,
                    new
                    {
                        planId = planIds[item["plan"]], key = RegulationCode.Key(item["regulation"]), action = item["action"], reason = item["reason"],
                        after = item["cost_after"].Length > 0 ? item["cost_after"] : "{}",
                    }, transaction);
                var (documents, errors) = SavePlanItem.ReadDocuments(item["documents"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(SavePlanItem.DocumentInput.Parse));
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException("Demo plan item: " + string.Join(" ", errors));
                }
                await connection.ExecuteAsync(
                    "insert into plan_item_document (item_id, position, number, doc_type, article, deadline) values (@itemId, @position, @Number, @DocType, @Article, @Deadline)",
                    documents.Select((d, i) => new { itemId, position = i, d.Number, d.DocType, d.Article, d.Deadline }), transaction);
            }
            return 0;
        });
    }

    /// <summary>
    /// Carries out part of each approved plan through the portal's own step, as the amending documents of 2025 and 2026
    /// would have: a different share per plan (so the ranking's results differ), each document a made-up number
    /// (9xx/yyyy/NĐ-CP, above any real one), dated on its issue day. Runs after the reorganisation, so the versions it
    /// writes come after every earlier one.
    /// </summary>
    public static async Task ExecuteAsync(IMediator mediator, Db db)
    {
        int[] twentiethsCarriedOut = [6, 1, 3, 2, 5, 1, 4, 2, 3];
        var plans = (await db.Connection.QueryAsync<long>(
            "select id from plan where status in ('approved', 'in_execution') order by decision_date, id", transaction: db.Transaction)).ToList();
        for (var p = 0; p < plans.Count; p++)
        {
            var items = (await db.Connection.QueryAsync<long>(
                "select id from plan_item where plan_id = @plan and executed_by is null order by id", new { plan = plans[p] }, db.Transaction)).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                if (i % 20 >= twentiethsCarriedOut[p % twentiethsCarriedOut.Length])
                {
                    continue;
                }
                // Most in 2025 (April to November), one in four in the first half of 2026.
                var issued = i % 4 == 3 ? new DateOnly(2026, 1, 15).AddDays(i * 13 % 160) : new DateOnly(2025, 4, 1).AddDays(i * 37 % 240);
                var version = await db.Connection.ExecuteScalarAsync<int>("select version from plan where id = @id", new { id = plans[p] }, db.Transaction);
                await mediator.Send(new RecordExecution.Command
                {
                    PlanId = plans[p], ItemId = items[i], ExpectedVersion = version,
                    DocumentNumber = $"{901 + p * 2 + issued.Year % 2}/{issued.Year}/NĐ-CP", IssuedOn = issued.ToString(IsoDate.Pattern),
                });
                // The versions it wrote are dated on the issue day (09:00 in Vietnam); the audit trail, append-only, keeps the day it was loaded.
                var at = new DateTimeOffset(issued.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
                await db.Connection.ExecuteAsync(
                    """
                    update regulation_version set saved_at = @at
                    where source = 'plan:' || @plan and regulation_id = (select regulation_id from plan_item where id = @item)
                      and version = (select max(v.version) from regulation_version v where v.regulation_id = regulation_version.regulation_id);
                    update regulation set updated_at = @at where id = (select regulation_id from plan_item where id = @item);
                    update cost_estimate set updated_at = @at where regulation_id = (select regulation_id from plan_item where id = @item);
                    update cost_estimate_version set saved_at = @at
                    where (regulation_id, version) = (select regulation_id, version from cost_estimate where regulation_id = (select regulation_id from plan_item where id = @item));
                    """, new { at, plan = plans[p], item = items[i] }, db.Transaction);
            }
        }
    }

    private static IEnumerable<(string At, string Action, string Summary)> Steps(IReadOnlyDictionary<string, string> plan)
    {
        yield return ($"{plan["year"]}-01-15T02:00:00Z", "create", plan["title"]);
        if (plan["submitted_on"].Length > 0)
        {
            yield return ($"{plan["submitted_on"]}T02:00:00Z", "submit", "Trình Thủ tướng Chính phủ");
        }
        if (plan["return_reason"].Length > 0)
        {
            yield return ($"{plan["submitted_on"]}T09:00:00Z", "return", plan["return_reason"]);
        }
        if (plan["decision_number"].Length > 0)
        {
            yield return ($"{plan["decision_date"]}T02:00:00Z", "approve", $"Quyết định {plan["decision_number"]}");
        }
    }

    private static List<Dictionary<string, string>> Read(string file)
    {
        var (table, error) = CsvTable.Read(SchemaMigrator.EmbeddedStream("db/demo/" + file));
        return table?.Rows.Select(r => table.Header.ToDictionary(h => h, h => table.Cell(r.Fields, h) ?? "")).ToList()
            ?? throw new InvalidOperationException($"{file}: {error}");
    }
}
