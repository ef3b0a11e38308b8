using System.Text;
using Consult.Domain.EffortIndex;
using Consult.Web.Infrastructure.Validation;
using Consult.Web.Features.Shared;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.EffortIndex;

public sealed class EffortIndexController(IndexService index, IMediator mediator, TimeProvider clock) : Controller
{
    private ReportingPeriod? PeriodOr(string? key) =>
        string.IsNullOrWhiteSpace(key) ? ReportingPeriod.YearOf(Infrastructure.VietnamTime.Today(clock)) : ReportingPeriod.Parse(key);

    [HttpGet("effort-index")]
    public async Task<IActionResult> Index(string? period) =>
        PeriodOr(period) is { } p ? View(new IndexPage(await index.ViewAsync(p), index.RecentPeriods())) : NotFound();

    [HttpGet("effort-index/{period}/{agency}")]
    public async Task<IActionResult> Agency(string period, string agency)
    {
        if (PeriodOr(period) is not { } p || (await index.ViewAsync(p)) is not { } view || view.Agency(agency) is not { } result)
        {
            return NotFound();
        }
        return View("Agency", new AgencyPage(view, result, await index.TrendAsync(result.Data.Code, view)));
    }

    [HttpGet("effort-index/{period}/{agency}/{indicator}/{part:regex(^(numerator|denominator)$)}")]
    public async Task<IActionResult> Evidence(string period, string agency, string indicator, string part, int page = 1)
    {
        if (PeriodOr(period) is not { } p || (await index.ViewAsync(p)).Agency(agency) is not { } result
            || result.Data.Indicators.FirstOrDefault(i => i.Key == indicator) is not { } evidence)
        {
            return NotFound();
        }
        var definition = result.Score.Indicators.Single(i => i.Definition.Key == indicator).Definition;
        var numerator = part == "numerator";
        var records = await mediator.Send(new VisibleEvidence.Query(numerator ? evidence.NumeratorRecords : evidence.DenominatorRecords, page));
        return View("Evidence", new EvidencePage(p, result, definition, evidence, numerator, records));
    }

    [HttpGet("effort-index/methodology")]
    public async Task<IActionResult> Methodology() =>
        View("Methodology", await index.MethodologyForAsync(ReportingPeriod.YearOf(Infrastructure.VietnamTime.Today(clock))));

    [HttpPost("effort-index/methodology")]
    [FormView("MethodologyForm")]
    public async Task<IActionResult> Methodology(SaveMethodology.Command command)
    {
        TempData["Notice"] = $"Đã lưu phương pháp phiên bản {await mediator.Send(command)}.";
        return Redirect(EffortIndexLinks.Methodology);
    }

    [HttpPost("effort-index/{period}/publish")]
    public async Task<IActionResult> Publish(string period)
    {
        TempData["Notice"] = await mediator.Send(new PublishPeriod.Command(period));
        return Redirect(EffortIndexLinks.Index(period));
    }

    [HttpGet("effort-index.csv")]
    public async Task<IActionResult> Csv(string? period)
    {
        if (PeriodOr(period) is not { } p)
        {
            return NotFound();
        }
        var view = await index.ViewAsync(p);
        var keys = view.Snapshot.Methodology.Indicators.Select(i => i.Key).ToList();
        var csv = new StringBuilder($"rank,agency,agency_name,score,band,transparency,results,satisfaction,{string.Join(',', keys)}\r\n");
        foreach (var (result, rank) in view.Ranking.Select((r, i) => (r, i + 1)))
        {
            var s = result.Score;
            csv.AppendJoin(',', new[] { rank.ToString(), result.Data.Code, Domain.Import.Csv.ExportCell(result.Data.Name), Points(s.Score), Bands.Label(s.Band) }
                .Concat(s.Groups.Select(g => Points(g.Points)))
                .Concat(keys.Select(k => Points(s.Indicators.Single(i => i.Definition.Key == k).Points)))).Append("\r\n");
        }
        return this.Csv(csv, $"chi-so-no-luc-{p.Key}.csv");
    }

    private static string Points(decimal value) => Math.Round(value, 2).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [HttpGet("api/v1/effort-index")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Chỉ số nỗ lực cải cách")]
    [Microsoft.AspNetCore.Http.EndpointDescription("period: năm (2025) hoặc quý (2025-Q3), mặc định kỳ hiện tại; điểm không làm tròn nên cộng lại đúng tổng.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(400)]
    public async Task<IActionResult> Api(string? period)
    {
        if (PeriodOr(period) is not { } p)
        {
            return BadRequest(new { error = "Kỳ không hợp lệ; dùng 2025 hoặc 2025-Q3." });
        }
        var view = await index.ViewAsync(p);
        return Json(new
        {
            period = p.Key,
            status = view.Status,
            methodologyVersion = view.Snapshot.MethodologyVersion,
            asOf = view.Snapshot.AsOf,
            agencies = view.Ranking.Select(r => new
            {
                agency = new { code = r.Data.Code, name = r.Data.Name },
                score = r.Score.Score,
                band = r.Score.Band.ToString().ToLowerInvariant(),
                groups = new
                {
                    transparency = r.Score.Groups[0].Points,
                    results = r.Score.Groups[1].Points,
                    satisfaction = r.Score.Groups[2].Points,
                },
                indicators = r.Score.Indicators.Select(i => new
                {
                    key = i.Definition.Key,
                    numerator = i.Input.Numerator,
                    denominator = i.Input.Denominator,
                    hasData = i.HasData,
                    points = i.Points,
                    maxPoints = i.MaxPoints,
                }),
            }),
        });
    }
}
