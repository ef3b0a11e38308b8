using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Domain.Registry;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Plans;

/// <summary>Plans the reader may see: the public sees them once submitted; an agency sees its drafts; reviewers see all.</summary>
public static class PlanList
{
    public sealed record Query : IRequest<Result>
    {
        public string? Agency { get; init; }
        public string? Status { get; init; }
        public int? Year { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<PlanSheet> Plans, PlanOptions Options, DateOnly Today, bool CanCreate);

    public sealed class Handler(Db db, CurrentUser user, IOptions<PlanOptions> options, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { Visibility.Plans };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (!string.IsNullOrWhiteSpace(request.Status))
            {
                where.Add("p.status = @Status");
            }
            if (request.Year is not null)
            {
                where.Add("p.year = @Year");
            }
            var plans = await PlanSheets.LoadAsync(db, string.Join(" and ", where), user.Visibility.With(request));
            return new Result(request, plans, options.Value, clock.Today(), user.IsStaff);
        }
    }
}

/// <summary>One plan with everything its page shows, and what the reader may do with it now.</summary>
public static class PlanDetails
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Step(DateTimeOffset At, string Actor, string Action, string Summary)
    {
        public string Label => Action switch
        {
            "submit" => "Trình",
            "return" => "Trả lại",
            "approve" => "Phê duyệt",
            "execute" => "Ghi nhận thực thi",
            "add-item" => "Thêm mục",
            "update-item" => "Sửa mục",
            "remove-item" => "Bỏ mục",
            _ => AuditLog.ActionLabel(Action),
        };
    }

    public sealed record Result(PlanSheet Sheet, KindCounts AgencyInForce, TargetProgress Progress, IReadOnlyList<Step> History, bool IsLate,
        bool CanEdit, bool CanSubmit, bool CanReview, bool CanRecordExecution)
    {
        /// <summary>The items whose regulation the reader may see; the figures above still count every item.</summary>
        public required IReadOnlyList<PlanItem> VisibleItems { get; init; }

        public int HiddenItems => Sheet.Items.Count - VisibleItems.Count;

        /// <summary>A plan may hold a hundred items or more: the page lists them <see cref="ItemsPerPage"/> at a time.</summary>
        public const int ItemsPerPage = 50;

        public int ItemPageCount => Math.Max(1, (VisibleItems.Count + ItemsPerPage - 1) / ItemsPerPage);

        /// <summary>The page of items asked for, kept within the pages there are.</summary>
        public int ItemPage { get; init; } = 1;

        public IEnumerable<PlanItem> ItemsOnPage => VisibleItems.Skip((Math.Clamp(ItemPage, 1, ItemPageCount) - 1) * ItemsPerPage).Take(ItemsPerPage);
    }

    public sealed class Handler(Db db, CurrentUser user, IOptions<PlanOptions> options, TimeProvider clock) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var sheet = (await PlanSheets.LoadAsync(db, $"p.id = @Id and {Visibility.Plans}", user.Visibility.With(request))).SingleOrDefault();
            if (sheet is null)
            {
                return null;
            }
            var plan = sheet.Plan;
            var inForce = KindCounts.Of((await db.Connection.QueryAsync<(string Kind, long Products)>(
                """
                select r.kind, (select count(*) from regulation_product rp where rp.regulation_id = r.id)
                from regulation r where r.agency_id = @AgencyId and r.status = 'in_force'
                """, plan, db.Transaction)).Select(r => (RegulationKinds.FromCode(r.Kind), (int)r.Products)));
            var history = (await db.Connection.QueryAsync<Step>(
                "select at, actor, action, summary from audit_event where entity = @entity and entity_key = @key order by id",
                new { entity = PlanStore.AuditEntity, key = plan.Id.ToString() }, db.Transaction)).ToList();
            var status = plan.StatusValue;
            var o = options.Value;
            return new Result(
                sheet,
                inForce,
                TargetProgress.Of(sheet.Counts.Total, inForce.Total, sheet.Saving, o.RegulationTarget, o.CostTarget),
                history,
                sheet.IsLate(o, clock.Today()),
                CanEdit: PlanStatuses.IsEditable(status) && user.Holds(Roles.Editor, plan.AgencyId),
                CanSubmit: PlanStatuses.CanSubmit(status) && user.Holds(Roles.Lead, plan.AgencyId),
                CanReview: PlanStatuses.CanReview(status) && user.IsIn(Roles.Reviewer),
                CanRecordExecution: PlanStatuses.CanRecordExecution(status) && user.Holds(Roles.Editor, plan.AgencyId))
            {
                VisibleItems = sheet.Items.Where(i => user.Sees(i.Row.Published, i.Row.RegulationAgencyId)).ToList(),
            };
        }
    }
}

/// <summary>The government's two tables, computed from the data: approved plans (Phụ lục 1 II) and executed cuts (Phụ lục 1 I).</summary>
public static class PlanReports
{
    /// <summary>Plans whose approving decision is dated in the range.</summary>
    public sealed record ApprovedQuery(DateRange Range) : IRequest<IReadOnlyList<PlanSheet>>;

    /// <summary>Per agency: the regulations whose cut is carried out, counted by kind, and the distinct documents that carried them out.</summary>
    public sealed record ExecutedRow(string AgencyCode, string AgencyName, KindCounts Counts, DocumentCounts Documents);

    /// <summary>Cuts carried out by documents issued in the range.</summary>
    public sealed record ExecutedQuery(DateRange Range) : IRequest<IReadOnlyList<ExecutedRow>>;

    private const string Approved = "p.status in ('approved', 'in_execution', 'executed')";

    public sealed class Handler(Db db) : IRequestHandler<ApprovedQuery, IReadOnlyList<PlanSheet>>, IRequestHandler<ExecutedQuery, IReadOnlyList<ExecutedRow>>
    {
        public async Task<IReadOnlyList<PlanSheet>> Handle(ApprovedQuery request, CancellationToken cancellationToken) =>
            (await PlanSheets.LoadAsync(db, Approved)).Where(p => request.Range.Contains(p.Plan.DecisionDate)).OrderBy(p => p.Plan.DecisionDate).ToList();

        public async Task<IReadOnlyList<ExecutedRow>> Handle(ExecutedQuery request, CancellationToken cancellationToken) =>
            (await PlanSheets.LoadAsync(db, Approved))
                .GroupBy(p => (AgencyCode: p.Plan.OriginCode, AgencyName: p.Plan.OriginName))
                .Select(g =>
                {
                    var executed = g.SelectMany(p => p.Items).Where(i => i.Row.ExecutedBy is not null && request.Range.Contains(i.Row.ExecutedOn)).ToList();
                    return new ExecutedRow(g.Key.AgencyCode, g.Key.AgencyName,
                        KindCounts.Of(executed.Select(i => (i.Row.KindValue, i.Row.Products))),
                        DocumentCounts.Of(executed.Select(i => (i.Row.ExecutedBy!, Domain.Text.DocumentNumber.InferType(i.Row.ExecutedBy!)))));
                })
                .Where(r => r.Counts.Total > 0)
                .OrderBy(r => r.AgencyName)
                .ToList();
    }
}
