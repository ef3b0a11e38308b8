using System.Text.Json;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.EffortIndex;

[Collection(nameof(DemoCollection))]
public class EffortIndexDemoTests(DemoApp app)
{
    [Fact]
    public async Task Every_score_is_the_sum_of_its_groups_and_indicators_within_their_maximums_and_the_page_agrees()
    {
        var json = await app.GetJsonAsync("/api/v1/effort-index");
        Assert.Equal("provisional", json.GetProperty("status").GetString());
        var agencies = json.GetProperty("agencies").EnumerateArray().ToList();
        Assert.True(agencies.Count >= 9);
        Assert.True(agencies.Select(a => a.GetProperty("band").GetString()).Distinct().Count() >= 2, "the demo ranking is varied");
        var page = await app.GetPageAsync("/effort-index");
        var rows = page.QuerySelectorAll("[data-testid=ranking] tbody tr").ToList();
        Assert.Equal(agencies.Count, rows.Count);

        foreach (var (agency, row) in agencies.Zip(rows))
        {
            var score = agency.GetProperty("score").GetDecimal();
            var groups = agency.GetProperty("groups");
            var indicators = agency.GetProperty("indicators").EnumerateArray().ToList();
            Assert.Equal(score, groups.GetProperty("transparency").GetDecimal() + groups.GetProperty("results").GetDecimal() + groups.GetProperty("satisfaction").GetDecimal());
            Assert.Equal(score, indicators.Sum(i => i.GetProperty("points").GetDecimal()));
            Assert.All(indicators, i => Assert.InRange(i.GetProperty("points").GetDecimal(), 0, i.GetProperty("maxPoints").GetDecimal()));
            Assert.InRange(score, 0, 100);
            Assert.Equal(Consult.Domain.Text.VietnameseNumbers.Show(score, 1), row.QuerySelector("[data-testid=score]")!.TextContent);
            Assert.Contains(agency.GetProperty("agency").GetProperty("name").GetString()!, row.TextContent);
        }
    }

    [Fact]
    public async Task The_published_2025_ranking_lists_todays_ministries_with_results_and_satisfaction_from_that_year()
    {
        var json = await app.GetJsonAsync("/api/v1/effort-index?period=2025");
        Assert.Equal("published", json.GetProperty("status").GetString());
        var agencies = json.GetProperty("agencies").EnumerateArray().ToList();
        var dissolved = new[] { "BKHDT", "BTTTT", "BGTVT", "BTNMT", "BNNPTNT", "BLDTBXH" };
        Assert.DoesNotContain(agencies, a => dissolved.Contains(a.GetProperty("agency").GetProperty("code").GetString()));
        decimal Group(JsonElement a, string group) => a.GetProperty("groups").GetProperty(group).GetDecimal();
        Assert.True(agencies.Count(a => Group(a, "satisfaction") > 0) >= 4, "comments answered and rated in 2025 or before");
        Assert.True(agencies.Count(a => Group(a, "results") > 0) >= 4, "cuts carried out by documents issued by 2025");
        Assert.True(agencies.Select(a => Group(a, "results")).Distinct().Count() >= 3, "results differ between ministries");
    }

    [Fact]
    public async Task Each_counted_number_links_to_exactly_the_records_behind_it()
    {
        var json = await app.GetJsonAsync("/api/v1/effort-index");
        var bct = json.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetProperty("code").GetString() == "BCT");
        foreach (var key in new[] { "published", "cost-estimated", "answered", "satisfied" })
        {
            var indicator = bct.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key);
            foreach (var part in new[] { "numerator", "denominator" })
            {
                var page = await app.GetPageAsync($"/effort-index/{json.GetProperty("period").GetString()}/BCT/{key}/{part}");
                // Records the public may not see are counted under the list, never named; a KTCN adds its products.
                decimal Amount(AngleSharp.Dom.IElement e) => decimal.Parse(e.GetAttribute("data-amount")!, System.Globalization.CultureInfo.InvariantCulture);
                var hidden = page.QuerySelector("[data-testid=hidden]") is { } notice ? Amount(notice) : 0;
                Assert.Equal(indicator.GetProperty(part).GetDecimal(), page.QuerySelectorAll("[data-testid=records] tbody tr").Sum(Amount) + hidden);
            }
        }
    }
}
