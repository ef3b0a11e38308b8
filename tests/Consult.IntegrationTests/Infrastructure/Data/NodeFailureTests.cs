using System.Diagnostics;
using System.Net;
using Consult.Domain.Accounts;
using Consult.IntegrationTests.Support;
using Dapper;

namespace Consult.IntegrationTests.Infrastructure.Data;

/// <summary>Restarting the database server takes every other test's database away for a moment: these run alone.</summary>
[CollectionDefinition(nameof(OutageCollection), DisableParallelization = true)]
public sealed class OutageCollection;

/// <summary>Several nodes on one PostgreSQL server when a node or the server itself goes down.</summary>
[Trait("Category", "Postgres")]
[Collection(nameof(OutageCollection))]
public sealed class NodeFailureTests
{
    private static async Task<HttpClient> SignInAsync(PortalProcess node)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = node.Address };
        var response = await browser.PostFormAsync("/account/login", "/account/login",
            new() { ["Email"] = "canbo.bct@example.vn", ["Password"] = Accounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    [Fact]
    public async Task Killing_a_node_loses_no_save_it_acknowledged_and_the_other_node_serves_them_all()
    {
        using var folder = new TemporaryDataFolder();
        var database = folder.PostgresDatabase ?? throw new InvalidOperationException("Run with CONSULT_TEST_PROVIDER=postgres (tests/run.sh does).");
        using (var setup = ConsultApp.Node(database))
        {
            await setup.CreateUserAsync("canbo.bct@example.vn", "BCT", Roles.Editor);
        }
        var secondFolder = Path.Combine(Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N"));
        using var first = await PortalProcess.StartAsync(folder);
        using var second = await PortalProcess.StartAsync(secondFolder, folder.StorageSettings);
        var editor = await SignInAsync(first);

        // Four editors' saves stream into the first node; it is killed (SIGKILL) in the middle of them.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var next = 0;
        async Task SaveUntilTheNodeIsGoneAsync()
        {
            while (true)
            {
                var code = $"BCT-K{Interlocked.Increment(ref next):D4}";
                try
                {
                    var response = await editor.PostFormAsync("/workspace", "/workspace/regulations", Rows.NewRegulationForm(code, $"Thủ tục ghi khi một máy chủ bị tắt {code}"));
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    acknowledged.Add(code);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
                {
                    return;
                }
            }
        }
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(SaveUntilTheNodeIsGoneAsync)).ToList();
        await Eventually.HoldsAsync(() => acknowledged.Count >= 40, "forty saves acknowledged");
        first.Kill();
        await Task.WhenAll(writers);

        using var storage = Consult.Web.Infrastructure.Data.StorageProvider.For(new() { Provider = "postgres", ConnectionString = database });
        using (var connection = storage.Open())
        {
            var stored = connection.Query<string>("select code from regulation").ToHashSet();
            Assert.All(acknowledged, code => Assert.Contains(code, stored));
        }
        var onSecond = await SignInAsync(second);
        foreach (var code in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync($"/regulations/{code}")).StatusCode);
        }
        Folders.Delete(secondFolder);
    }

    [Fact]
    public async Task A_database_restart_is_answered_503_with_a_retry_message_and_the_node_recovers_by_itself()
    {
        var restart = Environment.GetEnvironmentVariable("CONSULT_TEST_POSTGRES_RESTART")
            ?? throw new InvalidOperationException("CONSULT_TEST_POSTGRES_RESTART names the command that restarts the test server (tests/run.sh sets it).");
        using var app = new ConsultApp();
        await app.ImportAsync(Rows.File(Rows.Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regulations/1.000106")).StatusCode);

        var statuses = new List<HttpStatusCode>();
        string? retryPage = null;
        using var restarting = Process.Start(new ProcessStartInfo("bash", [restart]) { RedirectStandardError = true })!;
        var watch = Stopwatch.StartNew();
        while (!restarting.HasExited || statuses.LastOrDefault() != HttpStatusCode.OK)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"still not serving after a minute: {string.Join(", ", statuses.Distinct())}");
            var response = await client.GetAsync("/api/v1/regulations/1.000106");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                retryPage ??= await response.Content.ReadAsStringAsync();
            }
            await Task.Delay(20);
        }
        Assert.Equal(0, restarting.ExitCode);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.Contains("thử lại", retryPage, StringComparison.OrdinalIgnoreCase);

        // Saves work again too, on the same node, without restarting it.
        var report = await app.ImportAsync(Rows.File(Rows.Row("1.000107", "Cấp Giấy phép bán lẻ rượu")));
        Assert.True(report.Succeeded);
    }
}
