using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.ApiDocs;

/// <summary>A feature's open-data endpoints (<c>/api/v1/…</c>): JSON, described in the OpenAPI document with a 200 answer.</summary>
[Produces("application/json")]
[ProducesResponseType(200)]
public abstract class OpenDataController : Controller;
