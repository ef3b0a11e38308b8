using Consult.Domain.Consultations;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

public sealed class ConsultationsController(IMediator mediator) : Controller
{
    private const long MaxCommentBytes = AttachmentCheck.MaxBytes + 1_000_000;

    [HttpGet("consultations")]
    public async Task<IActionResult> Index([FromQuery] ConsultationList.Query query) => View(await mediator.Send(query));

    [HttpGet("consultations/{id:long}")]
    public async Task<IActionResult> Details(long id)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { } result)
        {
            return NotFound();
        }
        var plan = result.Sheet.Header.PlanId is { } planId ? await mediator.Send(new Plans.PlanDetails.Query(planId)) : null;
        return View(new ConsultationPage(result,
            await mediator.Send(new WindowChanges.Query(id)),
            await mediator.Send(new ConsultationDocuments.Query(id)),
            plan,
            await mediator.Send(new CouncilOpinions.Query(id))));
    }

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("consultations/new")]
    public IActionResult Create() => View("ConsultationForm", new SaveConsultation.Command());

    [Authorize(Policy = IdentitySetup.WorkspacePolicy)]
    [HttpGet("consultations/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { CanManage: true, Sheet: var sheet } || sheet.Header.Published)
        {
            return Forbid();
        }
        var h = sheet.Header;
        return View("ConsultationForm", new SaveConsultation.Command
        {
            Id = h.Id,
            Agency = h.AgencyCode,
            Subject = h.Subject,
            SubjectRef = h.DocumentNumber ?? h.PlanId?.ToString() ?? h.RegulationCode,
            Title = h.Title,
            Summary = h.Summary,
            OpensOn = h.OpensOn,
            ClosesOn = h.ClosesOn,
            Articles = string.Join("\n", sheet.Items.Where(i => i.RegulationId is null && i.Anchor is null).Select(i => i.Label)),
            DraftText = h.DraftText,
            ExpectedVersion = h.Version,
        });
    }

    /// <summary>A re-issued draft: a new round prepared from the last one, which stays public with its comments.</summary>
    [HttpGet("consultations/{id:long}/next-round")]
    public async Task<IActionResult> NextRound(long id)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { CanManage: true, Sheet: var sheet }
            || sheet.Status is not (ConsultationStatus.Closed or ConsultationStatus.Answered) || sheet.Header.NextId is not null)
        {
            return NotFound();
        }
        var h = sheet.Header;
        return View("ConsultationForm", new SaveConsultation.Command
        {
            Agency = h.AgencyCode,
            Subject = h.Subject,
            SubjectRef = h.DocumentNumber ?? h.PlanId?.ToString() ?? h.RegulationCode,
            Title = h.Title,
            Summary = h.Summary,
            Articles = string.Join("\n", sheet.Items.Where(i => i.RegulationId is null && i.Anchor is null).Select(i => i.Label)),
            DraftText = h.DraftText,
            PreviousId = h.Id,
        });
    }

    [HttpPost("consultations")]
    [FormView("ConsultationForm")]
    public async Task<IActionResult> Save(SaveConsultation.Command command) => Redirect(ConsultationLinks.Details(await mediator.Send(command)));

    [HttpPost("consultations/{id:long}/window")]
    public async Task<IActionResult> Window(long id, string step, int expectedVersion)
    {
        TempData["Notice"] = await mediator.Send(new ConsultationWindow.Command(id, step, expectedVersion));
        return Redirect(ConsultationLinks.Details(id));
    }

    [HttpGet("consultations/{id:long}/{kind:regex(^(close_early|extend)$)}")]
    public async Task<IActionResult> WindowForm(long id, string kind) =>
        await mediator.Send(new ConsultationDetails.Query(id)) is { CanManage: true, Sheet: { Status: ConsultationStatus.Open } sheet }
            ? View("WindowForm", new ChangeWindow.Command { Id = id, Kind = kind, ExpectedVersion = sheet.Header.Version })
            : NotFound();

    [HttpPost("consultations/{id:long}/{kind:regex(^(close_early|extend)$)}")]
    [FormView("WindowForm")]
    public async Task<IActionResult> ChangeWindow(long id, string kind, ChangeWindow.Command command)
    {
        TempData["Notice"] = await mediator.Send(command with { Id = id, Kind = kind });
        return Redirect(ConsultationLinks.Details(id));
    }

    [HttpPost("consultations/{id:long}/comments")]
    [LimitPosts(PostLimit.Comment)]
    [RequestSizeLimit(MaxCommentBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxCommentBytes)]
    [FormView("CommentForm")]
    public async Task<IActionResult> Comment(long id, SubmitComment.Command command)
    {
        var commentId = await mediator.Send(command with { ConsultationId = id });
        TempData["Notice"] = "Đã gửi góp ý. Cơ quan chủ trì sẽ giải trình sau khi kết thúc lấy ý kiến.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [Authorize]
    [HttpGet("consultations/{id:long}/comments/{commentId:long}/{step:regex(^(answer|rate|hide|report)$)}")]
    public async Task<IActionResult> CommentStep(long id, long commentId, string step)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { } details || details.Sheet.Comments.FirstOrDefault(c => c.Id == commentId) is not { } comment)
        {
            return NotFound();
        }
        return step switch
        {
            "answer" when details.CanAnswer && comment.Verdict is null =>
                View("AnswerForm", new AnswerComment.Command { ConsultationId = id, CommentId = commentId, CommentBody = comment.Body }),
            "rate" when details.IsOwn(comment) && comment.Verdict is not null && comment.Satisfied is null => View("RateForm", new RateAnswer.Command { CommentId = commentId }),
            "hide" when details.CanModerate && !comment.IsHidden => View("HideForm", new HideComment.Command { CommentId = commentId }),
            "report" when !comment.IsHidden => View("ReportForm", new ReportComment.Command { CommentId = commentId }),
            _ => Forbid(),
        };
    }

    [HttpPost("consultations/{id:long}/comments/{commentId:long}/answer")]
    [FormView("AnswerForm")]
    public async Task<IActionResult> Answer(long id, long commentId, AnswerComment.Command command)
    {
        await mediator.Send(command with { ConsultationId = id, CommentId = commentId });
        TempData["Notice"] = "Đã công bố giải trình.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [HttpPost("consultations/{id:long}/comments/{commentId:long}/rate")]
    [FormView("RateForm")]
    public async Task<IActionResult> Rate(long id, long commentId, RateAnswer.Command command)
    {
        await mediator.Send(command with { CommentId = commentId });
        TempData["Notice"] = "Cảm ơn bạn đã đánh giá giải trình.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [HttpPost("consultations/{id:long}/comments/{commentId:long}/hide")]
    [FormView("HideForm")]
    public async Task<IActionResult> Hide(long id, long commentId, HideComment.Command command)
    {
        await mediator.Send(command with { CommentId = commentId });
        TempData["Notice"] = "Đã ẩn ý kiến; lý do được công khai.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [HttpPost("consultations/{id:long}/comments/{commentId:long}/withdraw")]
    public async Task<IActionResult> Withdraw(long id, long commentId, bool confirmed)
    {
        await mediator.Send(new WithdrawComment.Command(commentId, confirmed));
        TempData["Notice"] = "Đã rút ý kiến; ý kiến vẫn hiện trong danh sách, ghi là đã rút.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [HttpPost("consultations/{id:long}/comments/{commentId:long}/report")]
    [FormView("ReportForm")]
    public async Task<IActionResult> Report(long id, long commentId, ReportComment.Command command)
    {
        await mediator.Send(command with { CommentId = commentId });
        TempData["Notice"] = "Đã ghi nhận báo cáo; người kiểm duyệt sẽ xem xét.";
        return Redirect(ConsultationLinks.Comment(id, commentId));
    }

    [HttpGet("consultations/{id:long}/report")]
    public async Task<IActionResult> Summary(long id, string? format)
    {
        if (await mediator.Send(new ConsultationReport.Query(id)) is not { } report)
        {
            return NotFound();
        }
        if (format != "csv")
        {
            return View("Summary", new ConsultationReportPage(report, await mediator.Send(new CouncilOpinions.Query(id))));
        }
        return this.Csv(ConsultationReport.Csv(report), $"bao-cao-tong-hop-{id}.csv");
    }

    [Authorize]
    [HttpGet("consultations/{id:long}/opinions/new")]
    public async Task<IActionResult> Opinion(long id) =>
        await mediator.Send(new ConsultationDetails.Query(id)) is { CanGiveOpinion: true } ? View("OpinionForm", new PublishCouncilOpinion.Command { ConsultationId = id }) : Forbid();

    [HttpPost("consultations/{id:long}/opinions")]
    [LimitPosts(PostLimit.Comment)]
    [RequestSizeLimit(MaxCommentBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxCommentBytes)]
    [FormView("OpinionForm")]
    public async Task<IActionResult> PublishOpinion(long id, PublishCouncilOpinion.Command command)
    {
        var opinionId = await mediator.Send(command with { ConsultationId = id });
        TempData["Notice"] = "Đã công bố ý kiến của Hội đồng tư vấn.";
        return Redirect(ConsultationLinks.Opinion(id, opinionId));
    }

    [Authorize]
    [HttpGet("consultations/{id:long}/opinions/{opinionId:long}/hide")]
    public async Task<IActionResult> HideOpinionForm(long id, long opinionId) =>
        await mediator.Send(new ConsultationDetails.Query(id)) is { CanModerate: true } ? View("HideOpinionForm", new HideCouncilOpinion.Command { Id = opinionId }) : Forbid();

    [HttpPost("consultations/{id:long}/opinions/{opinionId:long}/hide")]
    [FormView("HideOpinionForm")]
    public async Task<IActionResult> HideOpinion(long id, long opinionId, HideCouncilOpinion.Command command)
    {
        await mediator.Send(command with { Id = opinionId });
        TempData["Notice"] = "Đã ẩn ý kiến; lý do được công khai.";
        return Redirect(ConsultationLinks.Opinion(id, opinionId));
    }

    [HttpGet("consultations/answers")]
    public async Task<IActionResult> Timeliness() =>
        View("Timeliness", new TimelinessPage(await mediator.Send(new AnswerTimeliness.Query()), await mediator.Send(new Feedback.FeedbackTimeliness.Query())));
}
