using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Security;

namespace Consult.IntegrationTests.Features.Shared;

/// <summary>Lists filter by an agency picked by name; a code typed in any case, or the name, finds the same.</summary>
[Collection(nameof(DemoCollection))]
public class AgencyFilterTests(DemoApp app)
{
    [Theory]
    [InlineData("/plans", "[data-testid=plans] tbody tr", "BYT")]
    [InlineData("/consultations", ".result", "BCT")]
    public async Task A_public_list_offers_agencies_by_name_and_reads_any_spelling_of_the_agency(string list, string rows, string code)
    {
        var page = await app.GetPageAsync(list);
        var options = page.QuerySelectorAll("select#agency option").ToList();
        Assert.Contains(options, o => o.GetAttribute("value") == code && o.TextContent.StartsWith("Bộ"));
        var name = options.Single(o => o.GetAttribute("value") == code).TextContent;

        var byCode = await app.GetPageAsync($"{list}?agency={code}");
        var expected = byCode.QuerySelectorAll(rows).Select(r => r.TextContent).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < page.QuerySelectorAll(rows).Length, "the filter narrows the list");
        foreach (var spelling in new[] { code.ToLowerInvariant(), name })
        {
            var other = await app.GetPageAsync($"{list}?agency={Uri.EscapeDataString(spelling)}");
            Assert.Equal(expected, other.QuerySelectorAll(rows).Select(r => r.TextContent).ToList());
            Assert.Equal(code, other.QuerySelector("select#agency option[selected]")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_audit_trail_filters_by_agency_in_any_case()
    {
        var reviewer = await app.SignInAsync("ratsoat@consult.demo", DemoAccounts.Password);
        var upper = await Accounts.Html(await reviewer.GetAsync("/audit?agency=BCT"));
        var lower = await Accounts.Html(await reviewer.GetAsync("/audit?agency=bct"));
        var rows = upper.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.TextContent).ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows, lower.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.TextContent).ToList());
    }
}
