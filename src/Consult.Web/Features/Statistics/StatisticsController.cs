using System.Text;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Statistics;

public sealed class StatisticsController(IMediator mediator, TimeProvider clock) : Controller
{
    /// <summary>Phụ lục 1 (III) as of a day (today unless asked), as a page or CSV.</summary>
    [HttpGet("reports/published")]
    public async Task<IActionResult> Published(string? asOf, string? format)
    {
        var day = clock.Today();
        if (!string.IsNullOrWhiteSpace(asOf) && !IsoDate.TryRead(asOf, out day))
        {
            throw new UserInputException(nameof(asOf), IsoDate.Invalid(asOf));
        }
        var report = await mediator.Send(new PublicationReport.Query(day));
        if (format != "csv")
        {
            return View("Publication", report);
        }
        var csv = new StringBuilder("as_of,agency,agency_name,"
            + string.Join(',', RegulationKinds.All.Select(k => $"{RegulationKinds.Code(k).ToLowerInvariant()}_pub,{RegulationKinds.Code(k).ToLowerInvariant()}_unpub"))
            + ",ktcn_procedures_pub,ktcn_procedures_unpub,total_pub,total_unpub\r\n");
        void Line(string code, string name, KindTally published, KindTally unpublished) =>
            csv.Append(string.Join(',', new[] { day.ToString(IsoDate.Pattern), code, name }.Select(Domain.Import.Csv.ExportCell))).Append(',')
                .Append(string.Join(',', RegulationKinds.All.SelectMany(k => new[] { published.Units(k), unpublished.Units(k) })))
                .Append(',').Append(published.Regulations(RegulationKind.SpecialisedInspection)).Append(',').Append(unpublished.Regulations(RegulationKind.SpecialisedInspection))
                .Append(',').Append(published.Total).Append(',').Append(unpublished.Total).Append("\r\n");
        foreach (var row in report.Rows)
        {
            Line(row.Agency.Code, row.Agency.Name, row.Published, row.Unpublished);
        }
        Line("TONG", "Tổng cộng", report.Published, report.Unpublished);
        return this.Csv(csv, $"cong-khai-quy-dinh_{day.ToString(IsoDate.Pattern)}.csv");
    }

    [HttpGet("api/v1/statistics/regulations")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Số quy định công khai và chưa công khai")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Theo cơ quan và loại; tổng tính kiểm tra chuyên ngành theo số sản phẩm, hàng hóa như các bảng của Chính phủ. status: in_force, draft, repealed.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
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
