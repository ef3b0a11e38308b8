using System.Text;
using System.Xml;
using Consult.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Site;

/// <summary>What crawlers, monitors and browsers ask of every site: robots.txt, a sitemap, an icon. Addresses come from configuration.</summary>
public sealed class SiteController(IMediator mediator, SiteLinks links) : Controller
{
    [HttpGet("robots.txt")]
    public ContentResult Robots() => Content(
        $"""
        User-agent: *
        Disallow: /account/
        Disallow: /workspace
        Disallow: /admin
        Disallow: /audit
        Disallow: /error
        Sitemap: {links.Absolute("/sitemap.xml")}

        """, "text/plain; charset=utf-8");

    [HttpGet("sitemap.xml")]
    public async Task<IActionResult> Index()
    {
        var parts = await mediator.Send(new Sitemap.PartsQuery());
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var path in Enumerable.Range(1, parts).Select(n => $"/sitemap/regulations-{n}.xml").Prepend("/sitemap/pages.xml"))
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, links.Absolute(path));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    [HttpGet("sitemap/pages.xml")]
    public async Task<IActionResult> Pages() => UrlSet(await mediator.Send(new Sitemap.PagesQuery()));

    [HttpGet("sitemap/regulations-{part:int}.xml")]
    public async Task<IActionResult> Regulations(int part) =>
        part >= 1 && part <= await mediator.Send(new Sitemap.PartsQuery()) ? UrlSet(await mediator.Send(new Sitemap.RegulationsQuery(part))) : NotFound();

    /// <summary>Browsers ask for /favicon.ico whatever the page says; the icon is an SVG.</summary>
    [HttpGet("favicon.ico")]
    public IActionResult Favicon() => RedirectPermanent("/favicon.svg");

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private IActionResult UrlSet(IEnumerable<string> paths) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var path in paths)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, links.Absolute(path));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private FileContentResult Xml(Action<XmlWriter> write)
    {
        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            write(writer);
        }
        return File(output.ToArray(), "application/xml; charset=utf-8");
    }
}
