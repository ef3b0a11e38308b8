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
        return this.Csv(ApplicableRegulations.Csv(result), "quy-dinh-ap-dung.csv");
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
