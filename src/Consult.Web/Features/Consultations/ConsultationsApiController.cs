using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

/// <summary>Open data on consultations: hidden comments are listed without their text.</summary>
public sealed class ConsultationsApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/consultations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Các đợt lấy ý kiến")]
    [Microsoft.AspNetCore.Http.EndpointDescription("status: upcoming (sắp lấy ý kiến), open (đang lấy ý kiến), closed (đã kết thúc, đang giải trình), answered (đã giải trình); agency: mã cơ quan.")]
    public async Task<IActionResult> List([FromQuery] ConsultationList.Query query) =>
        Json(ConsultationList.Json(await mediator.Send(query)));

    [HttpGet("api/v1/consultations/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một đợt lấy ý kiến")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Kèm các góp ý (quan điểm, người góp ý, nội dung — null khi bị ẩn, kèm lý do), giải trình, đúng hạn hay trễ, đánh giá; và ý kiến có ký tên của Hội đồng tư vấn (councilOpinions).")]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Details(long id)
    {
        if (await mediator.Send(new ConsultationDetails.Query(id)) is not { Sheet: var sheet })
        {
            return NotFound(new { error = $"Không có đợt lấy ý kiến số {id}." });
        }
        return Json(ConsultationDetails.Json(sheet, await mediator.Send(new CouncilOpinions.Query(id))));
    }
}
