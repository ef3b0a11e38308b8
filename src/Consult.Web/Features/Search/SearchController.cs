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
        await this.StreamCsvAsync("ket-qua-tra-cuu.csv", Search.ExportRows.Header, async write =>
        {
            foreach (var batch in result.Ids.Chunk(Search.ExportRows.BatchSize))
            {
                foreach (var hit in await mediator.Send(new Search.ExportRows.Query(batch), HttpContext.RequestAborted))
                {
                    await write(Search.ExportRows.Cells(hit, links));
                }
            }
        });
    }
}
