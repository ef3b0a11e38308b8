using Consult.Domain.Applicability;
using Consult.Domain.Registry;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Applicable;

/// <summary>"Quy định áp dụng cho tôi": anyone picks a profile (kept in the URL); signed-in users save it and are told of changes.</summary>
public sealed class ApplicableController(IMediator mediator) : Controller
{
    [HttpGet("applicable")]
    public async Task<IActionResult> Index([FromQuery] ApplicableRegulations.Query query, [FromQuery(Name = "find")] string? find) =>
        View(new ApplicablePage(await mediator.Send(query), find, await mediator.Send(new SavedProfiles.Mine())));

    [HttpGet("applicable/checklist")]
    public async Task<IActionResult> Checklist([FromQuery] ApplicableRegulations.Query query) => View(await mediator.Send(query));

    [HttpGet("applicable.csv")]
    public async Task<IActionResult> Csv([FromQuery] ApplicableRegulations.Query query)
    {
        var result = await mediator.Send(query);
        if (result.Errors.Count > 0)
        {
            throw new UserInputException(result.Errors.Select(e => ("", e)).ToList());
        }
        var csv = new System.Text.StringBuilder("code,kind,title,agency,stage,times_per_year,cost_per_case,yearly_cost,hours_per_year,under_consultation,in_approved_plan,planned_saving\r\n");
        foreach (var i in result.Items)
        {
            csv.Append(string.Join(',', new[]
            {
                i.Code, RegulationKinds.Code(i.KindValue), i.Title, i.Agency, i.Stage ?? "", Number(i.TimesPerYear), Number(i.Estimate?.CostPerCase),
                Number(i.YearlyCost), Number(i.HoursPerYear), i.UnderConsultation ? "true" : "false", i.InPlan ? "true" : "false", Number(i.PlannedSaving),
            }.Select(Domain.Import.Csv.ExportCell))).Append("\r\n");
        }
        csv.Append(string.Join(',', new[] { "TỔNG", "", "", "", "", "", "", Number(result.YearlyCost), Number(result.HoursPerYear), "", "", Number(result.PlannedSaving) }.Select(Domain.Import.Csv.ExportCell))).Append("\r\n");
        return this.Csv(csv, "quy-dinh-ap-dung.csv");
    }

    private static string Number(decimal? value) => value?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    [HttpGet("api/v1/applicable")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Quy định áp dụng cho một doanh nghiệp")]
    [Microsoft.AspNetCore.Http.EndpointDescription("lines: mã ngành VSIC cách nhau bởi dấu phẩy (bắt buộc); form: dntn, tnhh, cophan, htx, hkd; size: sieunho, nho, vua, lon; province: mã tỉnh hai chữ số sau sắp xếp năm 2025 (Hà Nội 01). Chi phí tính bằng đồng mỗi năm theo tần suất của ước tính; 400 kèm lỗi tiếng Việt khi hồ sơ không hợp lệ.")]
    [Produces("application/json")]
    [ProducesResponseType(200)]
    [ProducesResponseType(400)]
    public async Task<IActionResult> Api(string? lines, string? form, string? size, string? province)
    {
        var result = await mediator.Send(new ApplicableRegulations.Query { Lines = lines is null ? [] : [lines], Form = form, Size = size, Province = province });
        if (result.Profile is not { } profile)
        {
            return BadRequest(new { error = string.Join(" ", result.Errors) });
        }
        return Json(new
        {
            profile = new
            {
                lines = profile.Lines,
                form = profile.Form is { } f ? ProfileTerms.Code(f) : null,
                size = profile.Size is { } s ? ProfileTerms.Code(s) : null,
                province = profile.Province,
            },
            total = result.Items.Count,
            yearlyCost = result.YearlyCost,
            hoursPerYear = result.HoursPerYear,
            items = result.Items.Select(i => new
            {
                code = i.Code,
                kind = RegulationKinds.Code(i.KindValue),
                title = i.Title,
                agency = i.Agency,
                stage = i.Stage,
                yearlyCost = i.Estimate is null ? (decimal?)null : i.YearlyCost,
                underConsultation = i.UnderConsultation,
                inPlan = i.InPlan,
            }),
        });
    }

    [Authorize]
    [HttpPost("applicable/profiles")]
    public async Task<IActionResult> Save(SavedProfiles.Save command)
    {
        var query = await mediator.Send(command);
        TempData["Notice"] = "Đã lưu hồ sơ doanh nghiệp; bạn sẽ được báo khi quy định áp dụng thay đổi hoặc được lấy ý kiến.";
        return Redirect(ApplicableLinks.Index(query));
    }

    [Authorize]
    [HttpPost("applicable/profiles/{id:long}/remove")]
    public async Task<IActionResult> Remove(long id)
    {
        await mediator.Send(new SavedProfiles.Remove(id));
        TempData["Notice"] = "Đã xóa hồ sơ đã lưu.";
        return Redirect(AccountLinks.Home);
    }
}

/// <param name="Find">What the visitor typed to look up a business line by code or name.</param>
public sealed record ApplicablePage(ApplicableRegulations.Result Result, string? Find, IReadOnlyList<SavedProfiles.Profile> Saved)
{
    public IReadOnlyList<VsicLine> Found => Result.Lists.Find(Find, 30);
}
