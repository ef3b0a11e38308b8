using System.Net;
using System.Xml.Linq;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Site;

/// <summary>What crawlers, monitors and readers expect of a public site: HEAD, robots.txt, a sitemap of what the public may open, its icon.</summary>
[Collection(nameof(DemoCollection))]
public class SiteTests(DemoApp app)
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=rượu")]
    [InlineData("/regulations/1.000106")]
    [InlineData("/effort-index")]
    [InlineData("/api/v1/regulations")]
    [InlineData("/css/site.css")]
    public async Task Head_answers_like_get(string url)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var get = await app.CreateClient().GetAsync(url);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_on_a_missing_page_is_404_not_405()
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/regulations/KHONG-CO"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Robots_keep_crawlers_out_of_accounts_and_staff_pages_and_name_the_sitemap_at_the_configured_address()
    {
        var robots = await app.CreateClient().GetStringAsync("/robots.txt");
        Assert.Contains("Disallow: /workspace", robots);
        Assert.Contains("Disallow: /admin", robots);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
    }

    [Fact]
    public async Task The_sitemap_lists_only_pages_an_anonymous_reader_opens_and_every_public_regulation()
    {
        var client = app.CreateClient();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var parts = index.Descendants(Sitemaps + "loc").Select(l => new Uri(l.Value).PathAndQuery).ToList();
        Assert.Contains("/sitemap/pages.xml", parts);

        var urls = new List<string>();
        foreach (var part in parts)
        {
            urls.AddRange(XDocument.Parse(await client.GetStringAsync(part)).Descendants(Sitemaps + "loc").Select(l => new Uri(l.Value).PathAndQuery));
        }
        Assert.Equal(urls.Count, urls.Distinct().Count());
        var regulations = urls.Where(u => u.StartsWith("/regulations/")).ToList();
        Assert.Equal(app.Scalar<int>("select count(*) from regulation where published = true"), regulations.Count);
        var unpublished = app.Scalar<string>("select code from regulation where published = false order by id limit 1");
        Assert.DoesNotContain($"/regulations/{Uri.EscapeDataString(unpublished)}", urls);

        // Every page other than the many regulations, and a sample of those, opens for the public.
        foreach (var url in urls.Where(u => !u.StartsWith("/regulations/")).Concat(regulations.Where((_, i) => i % 97 == 0)))
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemap/regulations-{parts.Count + 1}.xml")).StatusCode);
    }

    [Fact]
    public async Task The_icon_is_served_and_asked_for_at_its_usual_address()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        var icon = await client.GetAsync(redirect.Headers.Location!.ToString());
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }
}
