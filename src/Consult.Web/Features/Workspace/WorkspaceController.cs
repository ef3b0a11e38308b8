using Consult.Domain.Accounts;
using Consult.Web.Features.Import;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Workspace;

/// <summary>Where agency staff maintain their regulations and legal documents; reviewers read every agency's.</summary>
[Authorize(Policy = IdentitySetup.WorkspacePolicy)]
[Route("workspace")]
public sealed class WorkspaceController(IMediator mediator, PendingImports pending, CurrentUser user, IOptions<ImportOptions> importLimits) : Controller
{
    /// <summary>The largest regulations file accepted, about 40,000 rows.</summary>
    private const long MaxImportBytes = 50_000_000;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Overview.Query query) => View(await mediator.Send(query));

    [HttpGet("regulations/new")]
    public IActionResult Create() => View("Edit", new SaveRegulation.Command { ExpectedVersion = Regulations.RegulationWriter.New });

    [HttpGet("regulations/{code}/edit")]
    public async Task<IActionResult> Edit(string code) =>
        await mediator.Send(new EditRegulation.Query(code)) is { } form ? View(form) : NotFound();

    [HttpPost("regulations")]
    [FormView("Edit")]
    public async Task<IActionResult> Save(SaveRegulation.Command command)
    {
        var code = await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu quy định {code}.";
        return Redirect(WorkspaceLinks.EditRegulation(code));
    }

    [HttpPost("regulations/{code}/change")]
    public async Task<IActionResult> Change(string code, ChangeRegulation.Command command)
    {
        var result = await mediator.Send(command with { Code = code });
        TempData["Notice"] = result;
        return Redirect(WorkspaceLinks.EditRegulation(code));
    }

    [HttpGet("documents")]
    public async Task<IActionResult> Documents([FromQuery] DocumentList.Query query) => View(await mediator.Send(query));

    [HttpGet("documents/new")]
    public IActionResult CreateDocument() => View("EditDocument", new SaveLegalDocument.Command());

    [HttpGet("documents/{id:long}/edit")]
    public async Task<IActionResult> EditDocument(long id) =>
        await mediator.Send(new EditLegalDocument.Query(id)) is { } form ? View(form) : NotFound();

    [HttpPost("documents")]
    [FormView(nameof(EditDocument))]
    public async Task<IActionResult> SaveDocument(SaveLegalDocument.Command command)
    {
        var id = await mediator.Send(command);
        TempData["Notice"] = $"Đã lưu văn bản {command.Number}.";
        return Redirect(WorkspaceLinks.EditDocument(id));
    }

    [HttpGet("import")]
    public IActionResult Import() => View(new ImportUpload());

    [HttpPost("import")]
    [RequestSizeLimit(MaxImportBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
    [FormView(nameof(Import))]
    public async Task<IActionResult> Preview(ImportUpload upload, CancellationToken cancellationToken)
    {
        if (upload.File is not { Length: > 0 } file)
        {
            throw new UserInputException(nameof(ImportUpload.File), "Chọn tệp CSV cần nhập.");
        }
        await using var stream = file.OpenReadStream();
        var id = await pending.KeepAsync(stream, cancellationToken);
        var preview = await mediator.Send(new PreviewImport.Query(id, Path.GetFileName(file.FileName)), cancellationToken);
        if (preview.Errors.Count > 0)
        {
            pending.Remove(id);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Preview", preview);
    }

    [HttpPost("import/{id}")]
    public async Task<IActionResult> Apply(string id, string? fileName)
    {
        ImportReport report;
        await using (var file = pending.Open(id) ?? throw new UserInputException("", "Tệp đã được nhập hoặc không còn; hãy tải tệp lên lại."))
        {
            report = await ImportRegulations.FromCsvAsync(mediator, importLimits.Value, file, $"import:{fileName}", applyPublication: user.IsIn(Roles.Lead));
        }
        if (!report.Succeeded)
        {
            throw new UserInputException(report.Errors.Select(e => ("", e)).ToList());
        }
        pending.Remove(id);
        TempData["Notice"] = $"Đã nhập: {report.Created} quy định mới, {report.Updated} cập nhật, {report.Unchanged} không đổi.";
        return Redirect(WorkspaceLinks.Home);
    }
}

public sealed record ImportUpload
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Tệp CSV (UTF-8)")]
    public IFormFile? File { get; init; }
}
