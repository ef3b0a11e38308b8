using Consult.Domain.Registry;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Statistics;

public sealed class StatisticsController(IMediator mediator) : Controller
{
    [HttpGet("api/v1/statistics/regulations")]
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
        return Json(new
        {
            status = filter is { } f ? RegulationStatuses.Code(f) : null,
            agencies = result.Agencies.Select(a => new
            {
                agency = a.Agency,
                name = a.Name,
                kinds = Kinds(a.Kinds),
                total = new { published = a.Count(true), unpublished = a.Count(false) },
            }),
            total = new
            {
                kinds = Kinds(result.Total),
                published = result.Count(true),
                unpublished = result.Count(false),
            },
        });
    }

    private static Dictionary<string, object> Kinds(IReadOnlyDictionary<RegulationKind, RegulationStatistics.KindCount> kinds) =>
        kinds.ToDictionary(k => RegulationKinds.Code(k.Key), k => k.Key == RegulationKind.SpecialisedInspection
            ? new { published = k.Value.Published, unpublished = k.Value.Unpublished, productsPublished = k.Value.ProductsPublished, productsUnpublished = k.Value.ProductsUnpublished }
            : (object)new { published = k.Value.Published, unpublished = k.Value.Unpublished });
}
