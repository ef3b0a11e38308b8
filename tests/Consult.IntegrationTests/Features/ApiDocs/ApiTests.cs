using System.Text.Json;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.ApiDocs;

[Collection(nameof(DemoCollection))]
public class ApiTests(DemoApp app)
{
    [Fact]
    public async Task The_search_api_has_the_documented_shape()
    {
        var json = await app.GetJsonAsync("/api/v1/regulations?q=ruou&pageSize=2");
        Assert.True(json.GetProperty("total").GetInt32() > 2);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var names = items[0].EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "code", "kind", "title", "agency", "status", "published", "snippet", "url" }, names);
        Assert.StartsWith("http://localhost/regulations/", items[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_search_api_ranks_as_the_search_page_does()
    {
        var api = await app.SearchAsync("điều kiện kinh doanh", ("pageSize", "10"));
        var html = await app.GetPageAsync("/search?q=điều+kiện+kinh+doanh&pageSize=10");
        var pageCodes = html.QuerySelectorAll(".result .code").Select(c => c.TextContent).ToList();
        Assert.Equal(pageCodes, api.Codes);
    }

    [Fact]
    public async Task The_record_api_has_basis_products_and_versions()
    {
        var json = await app.GetJsonAsync("/api/v1/regulations/KTCN-BCT-0001");
        Assert.Equal("KTCN", json.GetProperty("kind").GetString());
        Assert.Equal("BCT", json.GetProperty("agency").GetProperty("code").GetString());
        var basis = json.GetProperty("legalBasis").EnumerateArray().First();
        Assert.Equal("105/2017/NĐ-CP", basis.GetProperty("number").GetString());
        Assert.Equal("Decree", basis.GetProperty("type").GetString());
        Assert.Equal(12, json.GetProperty("products").GetArrayLength());
        Assert.Equal("2203.00", json.GetProperty("products")[0].GetProperty("hsCode").GetString());
        Assert.Equal(1, json.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_code_is_a_json_404()
    {
        var json = await app.GetJsonAsync("/api/v1/regulations/KHONG-CO", expectedStatus: 404);
        Assert.Contains("KHONG-CO", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Statistics_count_specialised_inspection_by_products_in_totals()
    {
        var json = await app.GetJsonAsync("/api/v1/statistics/regulations?status=in_force");
        var bct = json.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "BCT");
        var kinds = bct.GetProperty("kinds");
        var expected = new[] { "TTHC", "YCDK", "TCQC", "CDBC", "CAM" }.Sum(k => kinds.GetProperty(k).GetProperty("published").GetInt32())
            + kinds.GetProperty("KTCN").GetProperty("productsPublished").GetInt32();
        Assert.Equal(expected, bct.GetProperty("total").GetProperty("published").GetInt32());
        Assert.True(kinds.GetProperty("KTCN").GetProperty("productsPublished").GetInt32() > kinds.GetProperty("KTCN").GetProperty("published").GetInt32());
    }

    [Fact]
    public async Task Statistics_refuse_an_unknown_status_with_a_message()
    {
        var json = await app.GetJsonAsync("/api/v1/statistics/regulations?status=active", expectedStatus: 400);
        Assert.Equal(JsonValueKind.String, json.GetProperty("error").ValueKind);
    }
}
