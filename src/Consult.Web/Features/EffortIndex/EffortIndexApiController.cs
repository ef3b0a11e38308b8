using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.EffortIndex;

public sealed class EffortIndexApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/effort-index")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Chỉ số nỗ lực cải cách")]
    [Microsoft.AspNetCore.Http.EndpointDescription("period: năm (2025) hoặc quý (2025-Q3), mặc định kỳ hiện tại; điểm không làm tròn nên cộng lại đúng tổng.")]
    [ProducesResponseType(400)]
    public async Task<IActionResult> Api(string? period) =>
        await mediator.Send(new IndexRanking.Query(period)) is { } result
            ? Json(IndexRanking.Json(result.View))
            : BadRequest(new { error = "Kỳ không hợp lệ; dùng 2025 hoặc 2025-Q3." });
}
