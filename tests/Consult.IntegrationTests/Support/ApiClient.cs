using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Consult.IntegrationTests.Support;

public sealed record SearchPage(int Total, IReadOnlyList<string> Codes, JsonElement Json);

public static class ApiClient
{
    public static async Task<SearchPage> SearchAsync(this ConsultApp app, string? q, params (string Key, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Key, p => (string?)p.Value);
        if (q is not null)
        {
            values["q"] = q;
        }
        app.CatchUpSearch();
        var json = await app.GetJsonAsync(QueryHelpers.AddQueryString("/api/v1/regulations", values));
        var codes = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        return new SearchPage(json.GetProperty("total").GetInt32(), codes, json);
    }

    public static async Task<JsonElement> GetJsonAsync(this ConsultApp app, string url, int expectedStatus = 200)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
