using Consult.Domain.Applicability;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Regulations;

public sealed class RegulationsController(IMediator mediator) : Controller
{
    [HttpGet("regulations/{code}")]
    public async Task<IActionResult> Details(string code, string? frequency)
    {
        if (await mediator.Send(new Details.Query(code)) is not { } result)
        {
            return NotFound();
        }
        var r = result.Regulation;
        return View(new RegulationPage(result,
            await mediator.Send(new Plans.RegulationCost.Query(r.Id, r.AgencyId, frequency)),
            await mediator.Send(new Consultations.FollowStatus.Query("regulation", r.Id)),
            await mediator.Send(new Consultations.RegulationConsultations.Query(r.Id)),
            await mediator.Send(new Feedback.FeedbackList.Query { Regulation = r.Code })));
    }

    [HttpGet("regulations/{code}/versions/{version:int}")]
    public async Task<IActionResult> Version(string code, int version) =>
        await mediator.Send(new VersionChanges.Query(code, version)) is { } result ? View(result) : NotFound();

    [HttpGet("api/v1/regulations/{code}")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Một quy định")]
    [Microsoft.AspNetCore.Http.EndpointDescription("Toàn bộ hồ sơ: cơ quan, lĩnh vực, thông tin theo loại, căn cứ pháp lý kèm điều khoản, sản phẩm, đối tượng áp dụng (appliesTo: ngành VSIC, loại hình, quy mô, tỉnh, giai đoạn; danh sách rỗng là áp dụng cho mọi doanh nghiệp), các phiên bản.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(404)]
    public async Task<IActionResult> Api(string code)
    {
        if (await mediator.Send(new Details.Query(code)) is not { } result)
        {
            return NotFound(new { error = $"Không có quy định mã {code}." });
        }
        var r = result.Regulation;
        return Json(new
        {
            code = r.Code,
            kind = r.Kind,
            title = r.Title,
            content = r.Content,
            agency = new { code = r.AgencyCode, name = r.AgencyName },
            status = r.Status,
            published = r.Published,
            publishedOn = r.PublishedOn,
            effectiveDate = r.EffectiveOn,
            sectors = result.Sectors,
            details = result.Details,
            legalBasis = result.LegalBasis.Select(b => new { number = b.Number, type = b.DocType, title = b.Title, article = b.Article.Length > 0 ? b.Article : null }),
            products = result.Products.Select(p => new { hsCode = p.HsCode, name = p.Name }),
            appliesTo = new
            {
                lines = result.Applies.Lines,
                forms = result.Applies.Forms.Select(ProfileTerms.Code),
                sizes = result.Applies.Sizes.Select(ProfileTerms.Code),
                provinces = result.Applies.Provinces,
                stage = result.Applies.Stage is { } stage ? ProfileTerms.Code(stage) : null,
            },
            version = r.Version,
            versions = result.Versions.Select(v => new { version = v.Number, savedAt = v.SavedAt, source = v.Source, changes = v.Changes }),
        });
    }
}
