using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Plans;

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
            var sheet = (await PlanSheets.LoadAsync(db, $"p.id = @Id and {Visibility.Plans}", user.Visibility.With(request), cancellationToken)).SingleOrDefault();
            if (sheet is null)
            {
                return null;
            }
            var plan = sheet.Plan;
            var inForce = KindCounts.Of((await db.Connection.QueryAsync<(string Kind, long Products)>(db.Command(
                """
                select r.kind, (select count(*) from regulation_product rp where rp.regulation_id = r.id)
                from regulation r where r.agency_id = @AgencyId and r.status = 'in_force'
                """, plan, cancellationToken))).Select(r => (RegulationKinds.FromCode(r.Kind), (int)r.Products)));
            var history = (await db.Connection.QueryAsync<Step>(db.Command(
                "select at, actor, action, summary from audit_event where entity = @entity and entity_key = @key order by id",
                new { entity = PlanStore.AuditEntity, key = plan.Id.ToString() }, cancellationToken))).ToList();
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

    /// <summary>A plan as <c>/api/v1/plans</c> and <c>/api/v1/plans/{id}</c> give it.</summary>
    /// <param name="details">With the plan's details, its items the reader may see and how many are hidden.</param>
    public static object Json(PlanSheet sheet, Result? details = null)
    {
        var p = sheet.Plan;
        var counts = new Dictionary<string, int> { ["total"] = sheet.Counts.Total };
        foreach (var kind in RegulationKinds.All)
        {
            counts[RegulationKinds.Code(kind)] = sheet.Counts[kind];
        }
        var summary = new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["agency"] = new { code = p.AgencyCode, name = p.AgencyName },
            ["title"] = p.Title,
            ["year"] = p.Year,
            ["status"] = p.Status,
            ["decisionNumber"] = p.DecisionNumber,
            ["decisionDate"] = p.DecisionDate,
            ["counts"] = counts,
            ["documentsToAmend"] = new
            {
                total = sheet.Documents.Total,
                byType = Enum.GetValues<DocumentColumn>().ToDictionary(c => c.ToString(), c => sheet.Documents[c]),
            },
            ["costBefore"] = sheet.Saving.AnnualCostBefore,
            ["costAfter"] = sheet.Saving.AnnualCostAfter,
            ["savingPerYear"] = sheet.Saving.AnnualSaving,
            ["personDaysSavedPerYear"] = sheet.Saving.PersonDaysSaved,
            ["executedItems"] = sheet.ExecutedItems,
        };
        if (details is not null)
        {
            summary["hiddenItems"] = details.HiddenItems;
            summary["items"] = details.VisibleItems.Select(i => new
            {
                regulation = new { code = i.Row.Code, title = i.Row.Title, kind = i.Row.Kind, products = i.Row.Products },
                action = i.Row.Action,
                reason = i.Row.Reason,
                costBefore = i.Before.AnnualCost,
                costAfter = i.After.AnnualCost,
                personDaysSavedPerYear = i.Before.PersonDaysPerYear - i.After.PersonDaysPerYear,
                documentsToAmend = i.Documents.Select(d => new { number = d.Number, type = d.DocType, article = d.Article.Length > 0 ? d.Article : null, deadline = d.Deadline }),
                executedBy = i.Row.ExecutedBy is null ? null : new { number = i.Row.ExecutedBy, issuedOn = i.Row.ExecutedOn },
            });
        }
        return summary;
    }
}
