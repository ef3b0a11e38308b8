using System.Net;
using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 9: the sign-in limit holds across nodes, so a second node does not grant a client its posts again.</summary>
public class SharedLimitTests
{
    [Fact]
    public async Task Posts_counted_on_one_node_count_on_the_other()
    {
        using var first = new ConsultApp { Settings = { ["RateLimits:AccountPostsPerMinute"] = "3" } };
        first.Clock.Freeze();
        var one = first.Browser();
        Task<HttpResponseMessage> SignIn(HttpClient browser) =>
            browser.PostFormAsync("/account/login", "/account/login", new() { ["Email"] = "x@example.vn", ["Password"] = "sai mật khẩu" });
        Assert.Equal(HttpStatusCode.BadRequest, (await SignIn(one)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignIn(one)).StatusCode);

        var second = ConsultApp.Over(first);
        second.Clock.Freeze(first.Clock.GetUtcNow());
        second.Settings["RateLimits:AccountPostsPerMinute"] = "3";
        second.Settings["Search:IndexDirectory"] = "index-node-2";
        try
        {
            var two = second.Browser();
            Assert.Equal(HttpStatusCode.BadRequest, (await SignIn(two)).StatusCode);
            var refused = await SignIn(two);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("Quá nhiều yêu cầu", await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SignIn(one)).StatusCode);
        }
        finally
        {
            second.Stop();
        }
    }
}
