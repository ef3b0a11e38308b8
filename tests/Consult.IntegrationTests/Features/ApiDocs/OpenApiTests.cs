using System.Net;
using System.Text.Json;
using Consult.IntegrationTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Features.ApiDocs;

/// <summary>The OpenAPI description stays true: it names every open-data endpoint, and each documented operation answers.</summary>
[Collection(nameof(DemoCollection))]
public class OpenApiTests(DemoApp app)
{
    private async Task<JsonElement> DocumentAsync() => await app.GetJsonAsync("/openapi/v1.json");

    [Fact]
    public async Task Every_open_data_endpoint_is_described_and_nothing_else()
    {
        var document = await DocumentAsync();
        var described = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Replace(":long", ""))
            .Where(r => r.StartsWith("/api/v1/")).ToHashSet();
        Assert.Equal(11, routes.Count);
        Assert.Equal(routes.Order(), described.Order());
        Assert.Equal("http://localhost", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("CC BY 4.0", document.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Each_documented_operation_answers_json_with_its_documented_parameters()
    {
        var document = await DocumentAsync();
        var code = (await app.GetJsonAsync("/api/v1/regulations?pageSize=1")).GetProperty("items")[0].GetProperty("code").GetString()!;
        var plan = (await app.GetJsonAsync("/api/v1/plans")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var consultation = (await app.GetJsonAsync("/api/v1/consultations")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var client = app.CreateClient();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var operation = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), path.Name);
            var url = path.Name.Replace("{code}", Uri.EscapeDataString(code))
                .Replace("{id}", (path.Name.Contains("plans") ? plan : consultation).ToString());
            var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            // Every documented query parameter is accepted (an empty value means "not given"); the applicable regulations need a business line.
            var query = string.Join("&", parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString())
                .Select(name => name == "lines" ? "lines=46" : name + "="));
            var response = await client.GetAsync(query.Length > 0 ? $"{url}?{query}" : url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).Dispose();
        }
    }

    [Fact]
    public async Task The_api_page_explains_every_described_endpoint_and_its_examples_answer()
    {
        var document = await DocumentAsync();
        var page = await app.GetPageAsync("/api");
        var explained = page.QuerySelectorAll("[data-testid=endpoint]").Select(e => e.GetAttribute("data-path")!.Replace(":long", "")).ToHashSet();
        Assert.Equal(document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(), explained.Order());
        Assert.NotNull(page.QuerySelector("a[href='/about/open-data']"));
        // Each endpoint's query parameters, as the description names them, are listed on the page.
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var section = page.QuerySelectorAll("[data-testid=endpoint]").Single(e => e.GetAttribute("data-path")!.Replace(":long", "") == path.Name);
            var listed = section.QuerySelectorAll("[data-testid=parameters] code").Select(c => c.TextContent).ToList();
            var described = path.Value.GetProperty("get").TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList() : [];
            Assert.Equal(described, listed);
        }
        foreach (var example in page.QuerySelectorAll("[data-testid=endpoint] a[href^='/api/v1/']").Select(a => a.GetAttribute("href")!))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(example)).StatusCode);
        }
    }
}
