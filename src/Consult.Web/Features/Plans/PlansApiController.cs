using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Plans;

public sealed class PlansApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/plans")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Phương án cắt giảm, đơn giản hóa")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Các phương án công chúng được xem (đã trình trở đi, hoặc đang lấy ý kiến) với quyết định phê duyệt, số quy định theo loại, văn bản cần sửa và chi phí tuân thủ trước, sau.")]
    public async Task<IActionResult> Api([FromQuery] PlanList.Query query) =>
        Json(PlanList.Json(await mediator.Send(query)));

    [HttpGet("api/v1/plans/{id:long}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một phương án")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Như trên, kèm từng mục: quy định, hành động, lý do, chi phí trước và sau, văn bản cần sửa, văn bản thực thi; mục của quy định chưa công khai chỉ được đếm.")]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Api(long id) =>
        await mediator.Send(new PlanDetails.Query(id)) is { } result ? Json(PlanDetails.Json(result.Sheet, result)) : NotFound(new { error = $"Không có phương án số {id}." });
}
