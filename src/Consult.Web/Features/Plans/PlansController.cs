using System.Text;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Consult.Web.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

public sealed class PlansController(IMediator mediator) : Controller
{
    [HttpGet("plans")]
    public async Task<IActionResult> Index([FromQuery] PlanList.Query query) => View(await mediator.Send(query));

    [HttpGet("plans/{id:long}")]
    public async Task<IActionResult> Details(long id, int page = 1) =>
        await mediator.Send(new PlanDetails.Query(id)) is { } result ? View(result with { ItemPage = page }) : NotFound();

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/new")]
    public IActionResult Create() => View("PlanForm", new SavePlan.Command { Year = DateTime.UtcNow.Year });

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { CanEdit: true, Sheet.Plan: var p }
            ? View("PlanForm", new SavePlan.Command { Id = p.Id, Agency = p.AgencyCode, Title = p.Title, Year = p.Year, Summary = p.Summary, ExpectedVersion = p.Version })
            : Forbid();

    [HttpPost("plans")]
    [FormView("PlanForm")]
    public async Task<IActionResult> Save(SavePlan.Command command) => Redirect(PlanLinks.Details(await mediator.Send(command)));

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/{id:long}/items/new")]
    public async Task<IActionResult> NewItem(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { CanEdit: true } details
            ? View("ItemForm", new SavePlanItem.Command { PlanId = id, ExpectedVersion = details.Sheet.Plan.Version })
            : Forbid();

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/{id:long}/items/{itemId:long}/edit")]
    public async Task<IActionResult> EditItem(long id, long itemId)
    {
        if (await mediator.Send(new PlanDetails.Query(id)) is not { CanEdit: true } details
            || details.Sheet.Items.FirstOrDefault(i => i.Row.Id == itemId) is not { } item)
        {
            return Forbid();
        }
        return View("ItemForm", new SavePlanItem.Command
        {
            PlanId = id,
            ItemId = itemId,
            RegulationCode = item.Row.Code,
            Action = item.Row.Action,
            Reason = item.Row.Reason,
            Documents = item.Documents.Select(d => new SavePlanItem.DocumentInput { Number = d.Number, Article = d.Article, Deadline = d.Deadline }).ToList(),
            CostAfter = CostForm.From(CostJson.Read(item.Row.CostAfter)),
            ExpectedVersion = details.Sheet.Plan.Version,
        });
    }

    [HttpPost("plans/{id:long}/items")]
    [FormView("ItemForm")]
    public async Task<IActionResult> SaveItem(long id, SavePlanItem.Command command)
    {
        await mediator.Send(command with { PlanId = id });
        return Redirect(PlanLinks.Items(id));
    }

    [HttpPost("plans/{id:long}/items/{itemId:long}/remove")]
    public async Task<IActionResult> RemoveItem(long id, long itemId, int expectedVersion, bool confirmed)
    {
        await mediator.Send(new RemovePlanItem.Command(id, itemId, expectedVersion, confirmed));
        return Redirect(PlanLinks.Items(id));
    }

    [HttpPost("plans/{id:long}/submit")]
    public async Task<IActionResult> Submit(long id, int expectedVersion, bool confirmed)
    {
        await mediator.Send(new SubmitPlan.Command(id, expectedVersion, confirmed));
        TempData["Notice"] = "Đã trình phương án.";
        return Redirect(PlanLinks.Details(id));
    }

    [Authorize(Policy = IdentitySetup.AuditPolicy)]
    [HttpGet("plans/{id:long}/return")]
    public async Task<IActionResult> Return(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { CanReview: true } details
            ? View("ReturnForm", new ReturnPlan.Command { PlanId = id, ExpectedVersion = details.Sheet.Plan.Version })
            : Forbid();

    [HttpPost("plans/{id:long}/return")]
    [FormView("ReturnForm")]
    public async Task<IActionResult> Return(long id, ReturnPlan.Command command)
    {
        await mediator.Send(command with { PlanId = id });
        TempData["Notice"] = "Đã trả lại phương án để cơ quan hoàn thiện.";
        return Redirect(PlanLinks.Details(id));
    }

    [Authorize(Policy = IdentitySetup.AuditPolicy)]
    [HttpGet("plans/{id:long}/approve")]
    public async Task<IActionResult> Approve(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { CanReview: true } details
            ? View("ApproveForm", new ApprovePlan.Command { PlanId = id, ExpectedVersion = details.Sheet.Plan.Version })
            : Forbid();

    [HttpPost("plans/{id:long}/approve")]
    [FormView("ApproveForm")]
    public async Task<IActionResult> Approve(long id, ApprovePlan.Command command)
    {
        await mediator.Send(command with { PlanId = id });
        TempData["Notice"] = "Đã ghi nhận quyết định phê duyệt.";
        return Redirect(PlanLinks.Details(id));
    }

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/{id:long}/items/{itemId:long}/execution")]
    public async Task<IActionResult> Execution(long id, long itemId) =>
        await mediator.Send(new PlanDetails.Query(id)) is { CanRecordExecution: true } details && details.Sheet.Items.Any(i => i.Row.Id == itemId)
            ? View("ExecutionForm", new RecordExecution.Command { PlanId = id, ItemId = itemId, ExpectedVersion = details.Sheet.Plan.Version })
            : Forbid();

    [HttpPost("plans/{id:long}/items/{itemId:long}/execution")]
    [FormView("ExecutionForm")]
    public async Task<IActionResult> Execution(long id, long itemId, RecordExecution.Command command)
    {
        await mediator.Send(command with { PlanId = id, ItemId = itemId });
        TempData["Notice"] = "Đã ghi nhận văn bản thực thi.";
        return Redirect(PlanLinks.Items(id));
    }

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("workspace/regulations/{code}/cost")]
    public async Task<IActionResult> Cost(string code) =>
        await mediator.Send(new SaveCostEstimate.Query(code)) is { } form ? View("CostEstimateForm", form) : NotFound();

    [HttpPost("workspace/regulations/{code}/cost")]
    [FormView("CostEstimateForm")]
    public async Task<IActionResult> Cost(string code, SaveCostEstimate.Command command)
    {
        await mediator.Send(command with { Code = code });
        TempData["Notice"] = "Đã lưu ước tính chi phí tuân thủ.";
        return Redirect(RegulationLinks.Details(code, "cost-heading"));
    }

    [Authorize(Policy = IdentitySetup.AdminPolicy)]
    [HttpGet("admin/hourly-income")]
    public async Task<IActionResult> HourlyIncome() =>
        View("HourlyIncome", new HourlyIncomePage(await mediator.Send(new SaveHourlyIncome.ListQuery()), new SaveHourlyIncome.Command()));

    [HttpPost("admin/hourly-income")]
    [FormView("HourlyIncomeForm")]
    public async Task<IActionResult> HourlyIncome(SaveHourlyIncome.Command command)
    {
        await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu thu nhập bình quân một giờ năm {command.Year}.";
        return Redirect(PlanLinks.HourlyIncome);
    }

    [HttpGet("reports/approved-plans")]
    public async Task<IActionResult> ApprovedPlans(string? format, string? from, string? to)
    {
        var range = ReportRange(from, to);
        var plans = await mediator.Send(new PlanReports.ApprovedQuery(range));
        if (format != "csv")
        {
            return View("ApprovedReport", new ReportPage<PlanSheet>(range, plans));
        }
        var csv = new StringBuilder("agency,agency_name,decision_no,decision_date,regs_total,ycdk,cdbc,tcqc,ktcn_products,tthc,cam,docs_total,docs_luat,docs_phap_lenh,docs_nghi_dinh,docs_qd_ttcp,docs_thong_tu,docs_other\r\n");
        foreach (var p in plans)
        {
            csv.Append(string.Join(',', new[] { p.Plan.OriginCode, p.Plan.OriginName, p.Plan.DecisionNumber ?? "", p.Plan.DecisionDate ?? "" }.Select(Domain.Import.Csv.ExportCell)))
                .Append(',').Append(string.Join(',', CountColumns(p.Counts, p.Documents))).Append("\r\n");
        }
        csv.Append($"TONG,Tổng cộng ({plans.Count} quyết định),,,").Append(string.Join(',', Totals(plans.Select(p => CountColumns(p.Counts, p.Documents))))).Append("\r\n");
        return this.Csv(csv, $"phuong-an-da-phe-duyet_{range.FileSuffix}.csv");
    }

    [HttpGet("reports/executed-cuts")]
    public async Task<IActionResult> ExecutedCuts(string? format, string? from, string? to)
    {
        var range = ReportRange(from, to);
        var rows = await mediator.Send(new PlanReports.ExecutedQuery(range));
        if (format != "csv")
        {
            return View("ExecutedReport", new ReportPage<PlanReports.ExecutedRow>(range, rows));
        }
        var csv = new StringBuilder("agency,agency_name,regs_total,ycdk,cdbc,tcqc,ktcn_products,tthc,cam,docs_total,docs_luat,docs_phap_lenh,docs_nghi_dinh,docs_qd_ttcp,docs_thong_tu,docs_other\r\n");
        foreach (var r in rows)
        {
            csv.Append(Domain.Import.Csv.ExportCell(r.AgencyCode)).Append(',').Append(Domain.Import.Csv.ExportCell(r.AgencyName))
                .Append(',').Append(string.Join(',', CountColumns(r.Counts, r.Documents))).Append("\r\n");
        }
        csv.Append("TONG,Tổng cộng,").Append(string.Join(',', Totals(rows.Select(r => CountColumns(r.Counts, r.Documents))))).Append("\r\n");
        return this.Csv(csv, $"quy-dinh-da-cat-giam_{range.FileSuffix}.csv");
    }

    private static DateRange ReportRange(string? from, string? to)
    {
        var (range, error) = DateRange.Read(from, to);
        return range ?? throw new UserInputException("", error!);
    }

    /// <summary>Column sums of a report's count rows, for its total row.</summary>
    public static IReadOnlyList<int> Totals(IEnumerable<IEnumerable<int>> rows) =>
        rows.Aggregate((IReadOnlyList<int>)[.. CountColumns(KindCounts.Of([]), DocumentCounts.Of([])).Select(_ => 0)], (sum, row) => [.. sum.Zip(row, (a, b) => a + b)]);

    /// <summary>The count columns in the order of the government's tables.</summary>
    public static IEnumerable<int> CountColumns(KindCounts counts, DocumentCounts documents) =>
    [
        counts.Total, counts[RegulationKind.BusinessCondition], counts[RegulationKind.ReportingRegime], counts[RegulationKind.TechnicalStandard],
        counts[RegulationKind.SpecialisedInspection], counts[RegulationKind.AdministrativeProcedure], counts[RegulationKind.Prohibition],
        documents.Total, .. Enum.GetValues<DocumentColumn>().Select(c => documents[c]),
    ];

    [HttpGet("api/v1/plans")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Phương án cắt giảm, đơn giản hóa")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Các phương án công chúng được xem (đã trình trở đi, hoặc đang lấy ý kiến) với quyết định phê duyệt, số quy định theo loại, văn bản cần sửa và chi phí tuân thủ trước, sau.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    public async Task<IActionResult> Api([FromQuery] PlanList.Query query) =>
        Json(new { items = (await mediator.Send(query)).Plans.Select(p => PlanJson(p)) });

    [HttpGet("api/v1/plans/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một phương án")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Như trên, kèm từng mục: quy định, hành động, lý do, chi phí trước và sau, văn bản cần sửa, văn bản thực thi; mục của quy định chưa công khai chỉ được đếm.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Api(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { } result ? Json(PlanJson(result.Sheet, result)) : NotFound(new { error = $"Không có phương án số {id}." });

    /// <param name="details">With the plan's details, its items the reader may see and how many are hidden.</param>
    private static object PlanJson(PlanSheet sheet, PlanDetails.Result? details = null)
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
