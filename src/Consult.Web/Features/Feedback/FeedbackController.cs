using Consult.Domain.Consultations;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Feedback;

/// <summary>Phản ánh, kiến nghị: filing, the public list and record, an agency's queue and its steps.</summary>
public sealed class FeedbackController(IMediator mediator) : Controller
{
    private const long MaxFeedbackBytes = AttachmentCheck.MaxBytes + 1_000_000;

    [HttpGet("feedback")]
    public async Task<IActionResult> Index([FromQuery] FeedbackList.Query query) => View(await mediator.Send(query));

    [HttpGet("feedback/{id:long}")]
    public async Task<IActionResult> Details(long id) =>
        await mediator.Send(new FeedbackDetails.Query(id)) is { } result ? View(result) : NotFound();

    [Authorize]
    [HttpGet("feedback/new")]
    public IActionResult Create(string? regulation) => View("FileForm", new FileFeedback.Command { Regulation = regulation ?? "" });

    [HttpPost("feedback/new")]
    [LimitPosts(PostLimit.Comment)]
    [RequestSizeLimit(MaxFeedbackBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFeedbackBytes)]
    [FormView("FileForm")]
    public async Task<IActionResult> File(FileFeedback.Command command)
    {
        var id = await mediator.Send(command);
        TempData["Notice"] = "Đã gửi phản ánh, kiến nghị. Cơ quan quản lý quy định sẽ trả lời công khai; bạn được báo khi có trả lời.";
        return Redirect(FeedbackLinks.Details(id));
    }

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("feedback/queue")]
    public async Task<IActionResult> Queue() => await mediator.Send(new FeedbackQueue.Query()) is { } queue ? View(queue) : Forbid();

    [Authorize]
    [HttpGet("feedback/{id:long}/{step:regex(^(transfer|return|answer|rate|hide|report)$)}")]
    public async Task<IActionResult> Step(long id, string step)
    {
        if (await mediator.Send(new FeedbackDetails.Query(id)) is not { } d)
        {
            return NotFound();
        }
        var f = d.Feedback;
        return step switch
        {
            "transfer" when d.CanWork => View("TransferForm", new TransferFeedback.Command { Id = id, ExpectedVersion = f.Version }),
            "return" when d.CanDecideTransfer => View("ReturnForm", new DecideTransfer.Command { Id = id, ExpectedVersion = f.Version }),
            "answer" when d.CanAnswer => View("AnswerForm", new AnswerFeedback.Command { Id = id, ExpectedVersion = f.Version, Feedback = f }),
            "rate" when d.CanRate => View("RateForm", new RateFeedback.Command { Id = id }),
            "hide" when d.CanModerate => View("HideForm", new HideFeedback.Command { Id = id }),
            "report" when d.CanReport => View("ReportForm", new ReportFeedback.Command { Id = id }),
            _ => Forbid(),
        };
    }

    [HttpPost("feedback/{id:long}/transfer")]
    [FormView("TransferForm")]
    public async Task<IActionResult> Transfer(long id, TransferFeedback.Command command) => Done(id, await mediator.Send(command with { Id = id }));

    [HttpPost("feedback/{id:long}/accept")]
    public async Task<IActionResult> Accept(long id, int expectedVersion) =>
        Done(id, await mediator.Send(new DecideTransfer.Command { Id = id, Accept = true, ExpectedVersion = expectedVersion }));

    [HttpPost("feedback/{id:long}/return")]
    [FormView("ReturnForm")]
    public async Task<IActionResult> Return(long id, DecideTransfer.Command command) => Done(id, await mediator.Send(command with { Id = id, Accept = false }));

    [HttpPost("feedback/{id:long}/answer")]
    [FormView("AnswerForm")]
    public async Task<IActionResult> Answer(long id, AnswerFeedback.Command command)
    {
        await mediator.Send(command with { Id = id });
        return Done(id, "Đã công bố câu trả lời.");
    }

    [HttpPost("feedback/{id:long}/rate")]
    [FormView("RateForm")]
    public async Task<IActionResult> Rate(long id, RateFeedback.Command command)
    {
        await mediator.Send(command with { Id = id });
        return Done(id, "Cảm ơn bạn đã đánh giá câu trả lời.");
    }

    [HttpPost("feedback/{id:long}/hide")]
    [FormView("HideForm")]
    public async Task<IActionResult> Hide(long id, HideFeedback.Command command)
    {
        await mediator.Send(command with { Id = id });
        return Done(id, "Đã ẩn phản ánh; lý do được công khai.");
    }

    [HttpPost("feedback/{id:long}/report")]
    [FormView("ReportForm")]
    public async Task<IActionResult> Report(long id, ReportFeedback.Command command)
    {
        await mediator.Send(command with { Id = id });
        return Done(id, "Đã ghi nhận báo cáo; người kiểm duyệt sẽ xem xét.");
    }

    private RedirectResult Done(long id, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect(FeedbackLinks.Details(id));
    }
}

/// <summary>Open data on feedback: who must answer, its status, its deadline, whether it is late, and its rating.</summary>
public sealed class FeedbackApiController(IMediator mediator) : Controller
{
    [HttpGet("api/v1/feedback")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Phản ánh, kiến nghị về quy định đang có hiệu lực")]
    [Microsoft.AspNetCore.Http.EndpointDescription("agency: mã cơ quan đang phải trả lời; status: received (đang xử lý), transferring (đang chuyển cơ quan khác), answered (đã trả lời); regulation: mã quy định; page: trang (50 mục một trang, total là tổng số). Ngày dạng yyyy-mm-dd; rating: true hài lòng, false không hài lòng, null chưa đánh giá.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(400)]
    public async Task<IActionResult> List([FromQuery] FeedbackList.Query query)
    {
        var result = await mediator.Send(query);
        if (result.Errors.Count > 0)
        {
            return BadRequest(new { error = string.Join(" ", result.Errors) });
        }
        return Json(new { total = result.Total, items = result.Items.Select(f => Item(f, result.Today)) });
    }

    [HttpGet("api/v1/feedback/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một phản ánh, kiến nghị")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Kèm nội dung (null khi bị ẩn, kèm lý do), câu trả lời và các bước xử lý (chuyển, nhận, trả lại).")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Details(long id)
    {
        if (await mediator.Send(new FeedbackDetails.Query(id)) is not { } d)
        {
            return NotFound(new { error = $"Không có phản ánh, kiến nghị số {id}." });
        }
        var f = d.Feedback;
        var item = Item(f, d.Today);
        item["filedBy"] = f.FiledBy;
        item["problem"] = f.IsHidden ? null : f.Problem;
        item["proposal"] = f.IsHidden ? null : f.Proposal;
        item["hidden"] = f.IsHidden ? new { reason = f.HiddenReason } : null;
        item["answer"] = f.Answer;
        item["history"] = d.Events.Select(e => new { kind = e.Kind, on = e.OnDay, from = e.FromAgency, to = e.ToAgency, note = e.Note });
        return Json(item);
    }

    private static Dictionary<string, object?> Item(FeedbackRow f, DateOnly today) => new()
    {
        ["id"] = f.Id,
        ["regulation"] = f.RegulationCode,
        ["agency"] = f.AgencyCode,
        ["status"] = Domain.Feedback.FeedbackStatuses.Code(f.Status),
        ["filedOn"] = f.FiledOn,
        ["answerDue"] = f.AnswerDue,
        ["answeredOn"] = f.AnsweredOn,
        ["late"] = f.IsLate(today),
        ["rating"] = f.Satisfied,
    };
}
