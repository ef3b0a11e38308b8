using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.LegalDocuments;

public sealed class LegalDocumentsController(IMediator mediator) : Controller
{
    [HttpGet("legal-documents")]
    public async Task<IActionResult> Index([FromQuery] Index.Query query) => View(await mediator.Send(query));

    [HttpGet("legal-documents/{id:long}")]
    public async Task<IActionResult> Details(long id) =>
        await mediator.Send(new Details.Query(id)) is { } result ? View(result) : NotFound();
}
