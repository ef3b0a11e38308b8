using Consult.Domain.Registry;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Statistics;

public sealed class StatisticsApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/statistics/regulations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Số quy định công khai và chưa công khai")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Theo cơ quan và loại; tổng tính kiểm tra chuyên ngành theo số sản phẩm, hàng hóa như các bảng của Chính phủ. status: in_force, draft, repealed.")]
    [ProducesResponseType(400)]
    public async Task<IActionResult> Regulations(string? status)
    {
        RegulationStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!RegulationStatuses.TryParse(status, out var parsed))
            {
                return BadRequest(new { error = "Tham số status phải là in_force, draft hoặc repealed." });
            }
            filter = parsed;
        }
        var result = await mediator.Send(new RegulationStatistics.Query(filter));
        return Json(RegulationStatistics.Json(result, filter));
    }
}
