using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

[Route("attachments")]
public sealed class AttachmentsController(IMediator mediator) : Controller
{
    /// <summary>Served as a download with its checked type; never from a hidden comment.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Attachment(long id, [FromServices] AttachmentStore store) =>
        await mediator.Send(new AttachmentFile.Query(id)) is { } f ? File(store.Open(f.StoredName), f.ContentType, "tep-dinh-kem-" + id + Path.GetExtension(f.StoredName)) : NotFound();
}
