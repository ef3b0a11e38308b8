using Consult.IntegrationTests.Support;
using Dapper;
using Consult.Web.Features.Consultations;
using Microsoft.Extensions.DependencyInjection;

namespace Consult.IntegrationTests.Features.Consultations;

/// <summary>Two nodes on one database: the daily digest goes out once a day, not once per node.</summary>
public class DigestOnceTests
{
    private static async Task<int?> RunDigestAsync(ConsultApp node)
    {
        using var scope = node.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DigestRun>().RunAsync(CancellationToken.None);
    }

    private static void Notify(ConsultApp app, string text)
    {
        using var connection = Database.Open(app);
        connection.Execute("insert into notification (user_id, created_at, text, url) select id, '2026-11-10T02:00:00Z', @text, '/' from app_user", new { text });
    }

    [Fact]
    public async Task The_first_node_to_tick_sends_the_days_digest_and_the_other_skips_that_day()
    {
        using var first = new ConsultApp();
        first.Clock.Set("2026-11-10T09:00");
        await first.CreateUserAsync("dn@example.vn");
        Notify(first, "Quy định được công khai: 1.000106");

        var second = ConsultApp.Over(first);
        second.Settings["Search:IndexDirectory"] = "index-node-2";
        second.Clock.Set("2026-11-10T09:30");
        try
        {
            Assert.Equal(1, await RunDigestAsync(first));
            Notify(first, "Đang lấy ý kiến: Lấy ý kiến về thủ tục");
            Assert.Null(await RunDigestAsync(second));
            Assert.Single(Directory.GetFiles(Path.Combine(first.DataDirectory, "mail")));

            // The next day's digest is whichever node's turn comes first, with what waited.
            second.Clock.Set("2026-11-11T09:30");
            Assert.Equal(1, await RunDigestAsync(second));
            first.Clock.Set("2026-11-11T10:00");
            Assert.Null(await RunDigestAsync(first));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(first.DataDirectory, "mail")).Length);
        }
        finally
        {
            second.Stop();
        }
    }
}
