using Consult.IntegrationTests.Support;
using Dapper;

namespace Consult.IntegrationTests.Features.Statistics;

/// <summary>Honest demo data: regulation names read like real ones, none repeats within an agency, the home page's newest list is varied.</summary>
[Collection(nameof(DemoCollection))]
public class DemoTitlesTests(DemoApp app)
{
    [Fact]
    public void No_agency_has_two_regulations_of_the_same_name()
    {
        using var connection = Database.Open(app);
        var repeated = connection.Query<string>(
            """
            select min(a.code || ': ' || r.title) from regulation r join agency a on a.id = r.agency_id
            group by r.agency_id, lower(r.title) having count(*) > 1
            """).ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public void Names_carry_no_generator_artefacts()
    {
        using var connection = Database.Open(app);
        var titles = connection.Query<string>("select title from regulation").ToList();
        Assert.True(titles.Count > 1_000);
        Assert.DoesNotContain(titles, t => t.Contains("(phương án") || t.Contains(", mục "));
        Assert.DoesNotContain(titles, t => t.Contains("lại đổi") || t.Contains("bổ sung đổi") || t.Contains("Cấp lại Công nhận"));
        Assert.DoesNotContain(titles, t => t.Contains("  ") || t != t.Trim());
    }

    [Fact]
    public async Task The_home_pages_newest_list_names_several_agencies_and_no_title_twice()
    {
        var results = (await app.GetPageAsync("/")).QuerySelectorAll(".result");
        var titles = results.Select(r => r.QuerySelector("h3")!.TextContent.Trim()).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        var agencies = results.Select(r => r.QuerySelector(".result-meta span:last-child")!.TextContent.Trim()).Distinct().ToList();
        Assert.True(agencies.Count >= 4, string.Join(" | ", agencies));
    }
}
