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
