using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Dapper;

namespace Consult.Web.Features.Plans;

/// <summary>When plans are due and what they aim for; configurable under "Plans".</summary>
public sealed class PlanOptions
{
    public int DeadlineMonth { get; set; } = 9;
    public int DeadlineDay { get; set; } = 30;
    public decimal RegulationTarget { get; set; } = 0.2m;
    public decimal CostTarget { get; set; } = 0.2m;

    public DateOnly Deadline(int year) => PlanStatuses.Deadline(year, DeadlineMonth, DeadlineDay);
}

public sealed record PlanHeader
{
    public long Id { get; init; }
    public int AgencyId { get; init; }
    public string AgencyCode { get; init; } = "";
    public string AgencyName { get; init; } = "";
    /// <summary>The agency that drafted the plan, which reports of its decision name even after a merger moved it.</summary>
    public string OriginCode { get; init; } = "";
    public string OriginName { get; init; } = "";
    public string Title { get; init; } = "";
    public int Year { get; init; }
    public string Summary { get; init; } = "";
    public string Status { get; init; } = "";
    public string? SubmittedOn { get; init; }
    public string? DecisionNumber { get; init; }
    public string? DecisionDate { get; init; }
    public string? ReturnReason { get; init; }
    public int Version { get; init; }
    public PlanStatus StatusValue => PlanStatuses.FromCode(Status);
}

public sealed record PlanItemRow
{
    public long Id { get; init; }
    public long PlanId { get; init; }
    public long RegulationId { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Kind { get; init; } = "";
    public int Products { get; init; }
    public string Action { get; init; } = "";
    public string Reason { get; init; } = "";
    public string CostBefore { get; init; } = "";
    public string CostAfter { get; init; } = "";
    public string? ExecutedBy { get; init; }
    public string? ExecutedOn { get; init; }
    /// <summary>The executing document's number was made up for the demo.</summary>
    public bool ExecutedByIllustrative { get; init; }
    /// <summary>Whether the regulation is public, and its agency: who may see the item (<c>CurrentUser.Sees</c>).</summary>
    public bool Published { get; init; }
    public int RegulationAgencyId { get; init; }
    public RegulationKind KindValue => RegulationKinds.FromCode(Kind);
    public PlanAction ActionValue => Enum.Parse<PlanAction>(Action, ignoreCase: true);
}

public sealed record PlanItemDocument
{
    public long ItemId { get; init; }
    public int Position { get; init; }
    public string Number { get; init; } = "";
    public string DocType { get; init; } = "";
    public string Article { get; init; } = "";
    public string? Deadline { get; init; }
    public bool Illustrative { get; init; }
    public LegalDocumentType TypeValue => Enum.Parse<LegalDocumentType>(DocType);
}

public sealed record PlanItem(PlanItemRow Row, IReadOnlyList<PlanItemDocument> Documents, CostEstimate Before, CostEstimate After);

/// <summary>A plan with its items and the figures the government's tables report for it.</summary>
public sealed record PlanSheet(PlanHeader Plan, IReadOnlyList<PlanItem> Items)
{
    public KindCounts Counts { get; } = KindCounts.Of(Items.Select(i => (i.Row.KindValue, i.Row.Products)));

    public DocumentCounts Documents { get; } = DocumentCounts.Of(Items.SelectMany(i => i.Documents).Select(d => (d.Number, d.TypeValue)));

    public CostSaving Saving { get; } = CostSaving.Between(Items.Select(i => (i.Before, i.After)));

    public int ExecutedItems => Items.Count(i => i.Row.ExecutedBy is not null);

    /// <summary>Submitted after the deadline of its year, or still not submitted once it has passed.</summary>
    public bool IsLate(PlanOptions options, DateOnly today)
    {
        var deadline = options.Deadline(Plan.Year);
        return Plan.SubmittedOn is { } submitted ? DateOnly.Parse(submitted[..10]) > deadline : PlanStatuses.IsEditable(Plan.StatusValue) && today > deadline;
    }
}

public static class PlanSheets
{
    private const string Headers = """
        select p.id, p.agency_id, a.code agency_code, a.name agency_name, o.code origin_code, o.name origin_name, p.title, p.year, p.summary,
            p.status, p.submitted_on, p.decision_number, p.decision_date, p.return_reason, p.version
        from plan p join agency a on a.id = p.agency_id join agency o on o.id = coalesce(p.origin_agency_id, p.agency_id)
        """;

    /// <summary>Plans matching a filter over <c>plan p</c>, with their items; in one pass for lists and reports.</summary>
    public static async Task<IReadOnlyList<PlanSheet>> LoadAsync(Db db, string where, object? parameters, CancellationToken cancellationToken)
    {
        var plans = (await db.Connection.QueryAsync<PlanHeader>(db.Command($"{Headers} where {where} order by p.year desc, a.name, p.id", parameters, cancellationToken))).ToList();
        if (plans.Count == 0)
        {
            return [];
        }
        var ids = plans.Select(p => p.Id).ToList();
        var items = (await db.Connection.QueryAsync<PlanItemRow>(db.Command(
            $"""
            select i.id, i.plan_id, i.regulation_id, r.code, r.title, r.kind,
                (select count(*) from regulation_product rp where rp.regulation_id = r.id) products,
                i.action, i.reason, i.cost_before, i.cost_after, i.executed_by, i.executed_on, r.published, r.agency_id regulation_agency_id,
                exists (select 1 from legal_document d where d.number = i.executed_by and d.illustrative = true) executed_by_illustrative
            from plan_item i join regulation r on r.id = i.regulation_id
            where i.plan_id {db.Storage.In("@ids")} order by i.id
            """, new { ids }, cancellationToken))).ToList();
        var documents = (await db.Connection.QueryAsync<PlanItemDocument>(db.Command(
            $"select d.item_id, d.position, d.number, d.doc_type, d.article, d.deadline, d.illustrative from plan_item_document d join plan_item i on i.id = d.item_id where i.plan_id {db.Storage.In("@ids")} order by d.item_id, d.position",
            new { ids }, cancellationToken))).ToLookup(d => d.ItemId);
        var byPlan = items.ToLookup(i => i.PlanId);
        return plans.Select(p => new PlanSheet(p, byPlan[p.Id]
            .Select(i => new PlanItem(i, documents[i.Id].ToList(),
                StandardCostModel.Estimate(CostJson.Read(i.CostBefore)), StandardCostModel.Estimate(CostJson.Read(i.CostAfter))))
            .ToList())).ToList();
    }

    /// <summary>A plan's header alone, for a step that checks its version and status without its items.</summary>
    public static Task<PlanHeader?> HeaderAsync(Db db, long id, CancellationToken cancellationToken) =>
        db.Connection.QuerySingleOrDefaultAsync<PlanHeader?>(db.Command($"{Headers} where p.id = @id", new { id }, cancellationToken));

    public static async Task<PlanSheet?> LoadAsync(Db db, long id, CancellationToken cancellationToken) =>
        (await LoadAsync(db, "p.id = @id", new { id }, cancellationToken)).SingleOrDefault();
}
