using System.Net;
using System.Text.RegularExpressions;
using Consult.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Consult.IntegrationTests.Features.Site;

/// <summary>No dead ends: every internal link an anonymous reader is shown opens.</summary>
[Collection(nameof(DemoCollection))]
public partial class CrawlTests(DemoApp app)
{
    /// <summary>
    /// Every page is opened; of the filtered and paged views of a page (same path, same parameter names), a few are
    /// enough, or the combinations of filters would never end.
    /// </summary>
    private const int ViewsPerShape = 3;

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Link();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        return parts.Length > 1 ? $"{Digits().Replace(parts[0], "N")}?{string.Join(",", QueryHelpers.ParseQuery(parts[1]).Keys.Order())}" : url;
    }

    [Fact]
    public async Task Every_internal_link_on_the_public_demo_site_answers_200()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var seen = new HashSet<string> { "/" };
        var shapes = new Dictionary<string, int>();
        var queue = new Queue<(string Url, string From)>([("/", "")]);
        var dead = new List<string>();
        while (queue.TryDequeue(out var next))
        {
            using var response = await client.GetAsync(next.Url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                dead.Add($"{next.Url} → {(int)response.StatusCode} (linked from {next.From})");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            foreach (Match match in Link().Matches(await response.Content.ReadAsStringAsync()))
            {
                var url = WebUtility.HtmlDecode(match.Groups[1].Value).Split('#')[0];
                if (!url.StartsWith('/') || url.StartsWith("//") || !seen.Add(url))
                {
                    continue;
                }
                var shape = Shape(url);
                if (shape == url || shapes.GetValueOrDefault(shape) < ViewsPerShape)
                {
                    shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                    queue.Enqueue((url, next.Url));
                }
            }
        }
        Assert.True(seen.Count > 300, $"the crawl reached {seen.Count} links");
        Assert.Empty(dead);
    }
}
