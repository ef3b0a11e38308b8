using Consult.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Search;

public sealed class SearchApiController(IMediator mediator, SiteLinks links) : ApiDocs.OpenDataController
{
    [HttpGet("api/v1/regulations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Tra cứu quy định")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Xếp hạng như trang tra cứu; total là số kết quả chính xác; from/to là ngày có hiệu lực (yyyy-mm-dd hoặc dd/mm/yyyy); pageSize tối đa 100.")]
    public async Task<IActionResult> Api([FromQuery] Search.Query query)
    {
        return Json(Search.Json(await mediator.Send(query), links));
    }
}
