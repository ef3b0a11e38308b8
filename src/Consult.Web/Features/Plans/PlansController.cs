using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

public sealed class PlansController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet("plans")]
    public async Task<IActionResult> Index([FromQuery] PlanList.Query query) => View(await mediator.Send(query));

    [HttpGet("plans/{id:long}")]
    public async Task<IActionResult> Details(long id, int page = 1) =>
        await mediator.Send(new PlanDetails.Query(id)) is { } result ? View(result with { ItemPage = page }) : NotFound();

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("plans/new")]
    public IActionResult Create() => View("PlanForm", new SavePlan.Command { Year = Infrastructure.VietnamTime.Today(clock).Year });

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
}
