using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Search;

public sealed class SearchController(IMediator mediator, SiteLinks links) : Controller
{
    [HttpGet("search")]
    public async Task<IActionResult> Index([FromQuery] Search.Query query)
    {
        var result = await mediator.Send(query);
        var following = result.Sectors.FirstOrDefault(s => s.Selected) is { } sector
            && await mediator.Send(new Consultations.FollowStatus.Query("sector", long.Parse(sector.Value)));
        return View(new SearchPage(result, following));
    }

    [HttpGet("search/csv")]
    public async Task Csv([FromQuery] Search.Query query)
    {
        var result = await mediator.Send(query with { AllPages = true });
        // Streamed in batches: an export of the whole registry never holds it in memory or in one SQL statement.
        await this.StreamCsvAsync("ket-qua-tra-cuu.csv", "code,kind,title,agency,status,published,effective_date,url", async write =>
        {
            foreach (var batch in result.Ids.Chunk(Search.ExportRows.BatchSize))
            {
                foreach (var hit in await mediator.Send(new Search.ExportRows.Query(batch), HttpContext.RequestAborted))
                {
                    await write([hit.Code, hit.Kind, hit.Title, hit.AgencyCode, hit.Status, hit.Published ? "true" : "false", hit.EffectiveOn ?? "", RegulationUrl(hit.Code)]);
                }
            }
        });
    }

    [HttpGet("api/v1/regulations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Tra cứu quy định")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Xếp hạng như trang tra cứu; total là số kết quả chính xác; from/to là ngày có hiệu lực (yyyy-mm-dd hoặc dd/mm/yyyy); pageSize tối đa 100.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    public async Task<IActionResult> Api([FromQuery] Search.Query query)
    {
        var result = await mediator.Send(query);
        return Json(new
        {
            total = result.Total,
            page = result.Page,
            pageSize = result.PageSize,
            items = result.Hits.Select(h => new
            {
                code = h.Code,
                kind = h.Kind,
                title = h.Title,
                agency = h.AgencyCode,
                status = h.Status,
                published = h.Published,
                snippet = h.SnippetText,
                url = RegulationUrl(h.Code),
            }),
            documents = result.Documents.Select(d => new
            {
                number = d.Number,
                type = d.DocType,
                title = d.Title,
                url = links.Absolute(LegalDocumentLinks.Details(d.Id)),
            }),
        });
    }

    private string RegulationUrl(string code) => links.Absolute(RegulationLinks.Details(code));
}
