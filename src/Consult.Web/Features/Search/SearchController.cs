using System.Text;
using Consult.Domain.Import;
using Consult.Domain.Registry;
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
        if (result.Sectors.FirstOrDefault(s => s.Selected) is { } sector)
        {
            ViewData["FollowingSector"] = await mediator.Send(new Consultations.Follow.IsFollowing("sector", long.Parse(sector.Value)));
        }
        return View(result);
    }

    [HttpGet("search/csv")]
    public async Task<IActionResult> Csv([FromQuery] Search.Query query)
    {
        var result = await mediator.Send(query with { AllPages = true });
        var csv = new StringBuilder("code,kind,title,agency,status,published,effective_date,url\r\n");
        foreach (var hit in result.Hits)
        {
            csv.AppendJoin(',', new[]
            {
                hit.Code, hit.Kind, hit.Title, hit.AgencyCode, hit.Status, hit.Published ? "true" : "false",
                hit.EffectiveOn ?? "", RegulationUrl(hit.Code),
            }.Select(Consult.Domain.Import.Csv.ExportCell)).Append("\r\n");
        }
        return this.Csv(csv, "ket-qua-tra-cuu.csv");
    }

    [HttpGet("api/v1/regulations")]
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
                url = links.Absolute($"/legal-documents/{d.Id}"),
            }),
        });
    }

    private string RegulationUrl(string code) => links.Absolute($"/regulations/{Uri.EscapeDataString(code)}");
}
