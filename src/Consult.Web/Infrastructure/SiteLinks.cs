using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure;

public sealed class SiteOptions
{
    /// <summary>Where the public reaches the portal; every absolute link (mail, feeds, CSV, API) starts with it.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>The office that runs the portal and answers for its data (footer, privacy notice, terms).</summary>
    public string Owner { get; set; } = "";

    /// <summary>Where readers write about the portal and exercise their rights over their personal data.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>The owner's postal address.</summary>
    public string Address { get; set; } = "";

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed; none by default.</summary>
    public List<string> TrustedProxies { get; set; } = [];
}

/// <summary>
/// Absolute links from configuration, never from the request: a forged Host header must not end up in a
/// password-reset mail, a feed or an export.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> options)
{
    private readonly Uri _base = new(options.Value.PublicUrl.TrimEnd('/') + "/");

    public string Absolute(string path) => new Uri(_base, path.TrimStart('/')).ToString();

    public string Base => _base.ToString().TrimEnd('/');
}
