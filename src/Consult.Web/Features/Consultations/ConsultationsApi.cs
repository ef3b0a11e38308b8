using Consult.Domain.Consultations;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

/// <summary>Open data on consultations: hidden comments are listed without their text.</summary>
public sealed class ConsultationsApiController(IMediator mediator) : Controller
{
    [HttpGet("api/v1/consultations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Các đợt lấy ý kiến")]
    [Microsoft.AspNetCore.Http.EndpointDescription("status: upcoming (sắp lấy ý kiến), open (đang lấy ý kiến), closed (đã kết thúc, đang giải trình), answered (đã giải trình); agency: mã cơ quan.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    public async Task<IActionResult> List([FromQuery] ConsultationList.Query query) =>
        Json(new { items = (await mediator.Send(query)).Consultations.Select(s => Summary(s)) });

    [HttpGet("api/v1/consultations/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một đợt lấy ý kiến")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Kèm các góp ý (quan điểm, người góp ý, nội dung — null khi bị ẩn, kèm lý do), giải trình, đúng hạn hay trễ, đánh giá; và ý kiến có ký tên của Hội đồng tư vấn (councilOpinions).")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Details(long id)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { Sheet: var sheet })
        {
            return NotFound(new { error = $"Không có đợt lấy ý kiến số {id}." });
        }
        var summary = Summary(sheet);
        summary["items"] = sheet.Items.Select(i => new { id = i.Id, label = i.Label, regulation = i.RegulationCode });
        summary["comments"] = sheet.Comments.Select(c => new
        {
            id = c.Id,
            item = c.ItemId,
            respondent = c.RespondentKind,
            stance = c.Stance,
            text = c.IsHidden ? null : c.Body,
            hidden = c.IsHidden ? new { reason = c.HiddenReason } : null,
            withdrawnAt = c.WithdrawnAt,
            repeat = c.RepeatOf is not null,
            createdAt = c.CreatedAt,
            attachment = c.IsHidden || c.AttachmentId is null ? null : ConsultationLinks.Attachment(c.AttachmentId.Value),
            answer = c.Verdict is null ? null : new { verdict = c.Verdict, explanation = c.Explanation, answeredOn = c.AnsweredOn, late = sheet.IsAnswerLate(c) },
            rating = c.Satisfied is null ? null : new { satisfied = c.Satisfied, remark = c.Remark },
        });
        summary["councilOpinions"] = (await mediator.Send(new CouncilOpinions.Query(id))).Select(o => new
        {
            id = o.Id, signedAs = o.SignedAs, text = o.IsHidden ? null : o.Body, hidden = o.IsHidden ? new { reason = o.HiddenReason } : null, publishedAt = o.PublishedAt,
        });
        return Json(summary);
    }

    private static Dictionary<string, object?> Summary(ConsultationSheet sheet)
    {
        var h = sheet.Header;
        var counted = sheet.Counted.ToList();
        return new Dictionary<string, object?>
        {
            ["id"] = h.Id,
            ["agency"] = new { code = h.AgencyCode, name = h.AgencyName },
            ["title"] = h.Title,
            ["subject"] = h.Subject,
            ["status"] = ConsultationStatuses.Code(sheet.Status),
            ["opensOn"] = h.OpensOn,
            ["closesOn"] = h.ClosesOn,
            ["closedOn"] = h.ClosedOn,
            ["answersDue"] = sheet.Status is ConsultationStatus.Closed or ConsultationStatus.Answered ? sheet.AnswersDue.ToString(Domain.Text.IsoDate.Pattern) : null,
            ["counts"] = new
            {
                comments = sheet.Comments.Count,
                hidden = sheet.Comments.Count(c => c.IsHidden),
                withdrawn = sheet.Comments.Count(c => c.IsWithdrawn),
                answered = counted.Count(c => c.Verdict is not null),
                overdue = counted.Count(c => c.Verdict is null && sheet.IsAnswerLate(c)),
                byStance = SubmitComment.Stances.Keys.ToDictionary(s => s, s => sheet.Comments.Count(c => c.Stance == s)),
            },
        };
    }
}
