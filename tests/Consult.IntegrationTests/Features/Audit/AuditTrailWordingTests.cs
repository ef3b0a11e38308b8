using Consult.IntegrationTests.Support;
using Consult.Web.Infrastructure.Security;

namespace Consult.IntegrationTests.Features.Audit;

/// <summary>The audit trail speaks Vietnamese: what was done, to which record (with its page), by whom.</summary>
[Collection(nameof(DemoCollection))]
public class AuditTrailWordingTests(DemoApp app)
{
    [Fact]
    public async Task Plan_steps_and_comments_read_in_vietnamese_with_links_to_their_records()
    {
        var reviewer = await app.SignInAsync("ratsoat@consult.demo", DemoAccounts.Password);
        var rows = new List<AngleSharp.Dom.IElement>();
        foreach (var action in new[] { "approve", "submit", "execute", "create" })
        {
            var page = await Accounts.Html(await reviewer.GetAsync($"/audit?action={action}"));
            rows.AddRange(page.QuerySelectorAll("[data-testid=audit] tbody tr"));
        }
        Assert.NotEmpty(rows);
        var actions = rows.Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim()).Distinct().ToList();
        Assert.Contains("Phê duyệt", actions);
        Assert.Contains("Ghi nhận thực thi", actions);
        Assert.DoesNotContain(actions, a => a is "approve" or "submit" or "execute" or "create");
        var plan = rows.First(r => r.TextContent.Contains("Phê duyệt")).QuerySelector("td a")!;
        Assert.Matches(@"^Phương án số \d+$", plan.TextContent);
        Assert.Matches(@"^/plans/\d+$", plan.GetAttribute("href")!);
    }
}
