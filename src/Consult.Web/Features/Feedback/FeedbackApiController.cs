using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Feedback;

/// <summary>Open data on feedback: who must answer, its status, its deadline, whether it is late, and its rating.</summary>
public sealed class FeedbackApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/feedback")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Phản ánh, kiến nghị về quy định đang có hiệu lực")]
    [Microsoft.AspNetCore.Http.EndpointDescription("agency: mã cơ quan đang phải trả lời; status: received (đang xử lý), transferring (đang chuyển cơ quan khác), answered (đã trả lời); regulation: mã quy định; page: trang (50 mục một trang, total là tổng số). Ngày dạng yyyy-mm-dd; rating: true hài lòng, false không hài lòng, null chưa đánh giá.")]
    [ProducesResponseType(400)]
    public async Task<IActionResult> List([FromQuery] FeedbackList.Query query)
    {
        var result = await mediator.Send(query);
        if (result.Errors.Count > 0)
        {
            return BadRequest(new { error = string.Join(" ", result.Errors) });
        }
        return Json(FeedbackList.Json(result));
    }

    [HttpGet("api/v1/feedback/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một phản ánh, kiến nghị")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Kèm nội dung (null khi bị ẩn, kèm lý do), câu trả lời và các bước xử lý (chuyển, nhận, trả lại).")]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Details(long id)
    {
        if (await mediator.Send(new FeedbackDetails.Query(id)) is not { } d)
        {
            return NotFound(new { error = $"Không có phản ánh, kiến nghị số {id}." });
        }
        return Json(FeedbackDetails.Json(d));
    }
}
