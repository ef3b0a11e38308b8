using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Regulations;

public sealed class RegulationsApiController(IMediator mediator) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/regulations/{code}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một quy định")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Toàn bộ hồ sơ: cơ quan, lĩnh vực, thông tin theo loại, căn cứ pháp lý kèm điều khoản, sản phẩm, đối tượng áp dụng (appliesTo: ngành VSIC, loại hình, quy mô, tỉnh, giai đoạn; danh sách rỗng là áp dụng cho mọi doanh nghiệp), các phiên bản.")]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Api(string code)
    {
        if (await mediator.Send(new Details.Query(code)) is not { } result)
        {
            return NotFound(new { error = $"Không có quy định mã {code}." });
        }
        return Json(Details.Json(result));
    }
}
