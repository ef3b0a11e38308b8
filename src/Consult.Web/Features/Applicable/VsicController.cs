using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Applicable;

/// <summary>The business-line list administrators extend with finer VSIC levels.</summary>
[Authorize(Policy = IdentitySetup.AdminPolicy)]
[Route("admin/vsic")]
public sealed class VsicController(IMediator mediator) : Controller
{
    private const long MaxFileBytes = 2_000_000;

    private const string Page = "~/Features/Applicable/Vsic.cshtml";

    [HttpGet("")]
    public IActionResult Index() => View(Page, new VsicUpload());

    [HttpPost("")]
    [RequestSizeLimit(MaxFileBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
    [FormView(Page)]
    public async Task<IActionResult> Import(VsicUpload upload)
    {
        if (upload.File is not { Length: > 0 } file)
        {
            throw new UserInputException(nameof(VsicUpload.File), "Chọn tệp CSV cần nhập.");
        }
        await using var stream = file.OpenReadStream();
        var count = await mediator.Send(new ImportLines.Command(stream));
        TempData["Notice"] = $"Đã nhập {count} ngành.";
        return Redirect(ApplicableLinks.Vsic);
    }
}

public sealed record VsicUpload
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Tệp CSV (UTF-8): code,name,parent")]
    public IFormFile? File { get; init; }
}
