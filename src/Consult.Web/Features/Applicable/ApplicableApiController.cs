using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Applicable;

public sealed class ApplicableApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/applicable")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Quy định áp dụng cho một doanh nghiệp")]
    [Microsoft.AspNetCore.Http.EndpointDescription("lines: mã ngành VSIC cách nhau bởi dấu phẩy (bắt buộc); form: dntn, tnhh, cophan, htx, hkd; size: sieunho, nho, vua, lon; province: mã tỉnh hai chữ số sau sắp xếp năm 2025 (Hà Nội 01). Chi phí tính bằng đồng mỗi năm theo tần suất của ước tính; 400 kèm lỗi tiếng Việt khi hồ sơ không hợp lệ.")]
    [ProducesResponseType(400)]
    public async Task<IActionResult> Api(string? lines, string? form, string? size, string? province)
    {
        var result = await mediator.Send(new ApplicableRegulations.Query { Lines = lines is null ? [] : [lines], Form = form, Size = size, Province = province });
        if (result.Profile is not { } profile)
        {
            return BadRequest(new { error = string.Join(" ", result.Errors) });
        }
        return Json(ApplicableRegulations.Json(result, profile));
    }
}
