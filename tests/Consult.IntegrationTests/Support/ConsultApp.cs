using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Consult.Web.Features.Import;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consult.IntegrationTests.Support;

/// <summary>
/// The real app over its own database (a SQLite file in a fresh folder, or a fresh PostgreSQL database when the suite
/// runs on PostgreSQL, see <see cref="TestStorage"/>); demo data only when asked.
/// </summary>
public class ConsultApp : WebApplicationFactory<Program>
{
    private readonly bool _seedDemo;

    public ConsultApp() : this(seedDemo: false)
    {
    }

    protected ConsultApp(bool seedDemo, bool embedded = false)
    {
        _seedDemo = seedDemo;
        DataDirectory = Path.Combine(Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N"));
        PostgresDatabase = TestStorage.OnPostgres && !embedded ? TestStorage.CreateDatabase() : null;
        if (PostgresDatabase is null)
        {
            TestStorage.CopySqliteTemplate(DataDirectory);
        }
    }

    /// <summary>A portal on its own SQLite file whichever engine the suite runs on (the source of a copy to PostgreSQL).</summary>
    public static ConsultApp Embedded(bool seedDemo) => new(seedDemo, embedded: true);

    private ConsultApp(string dataDirectory, string? postgresDatabase, bool ownsDatabase = true)
    {
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
        _ownsDatabase = ownsDatabase;
    }

    private readonly bool _ownsDatabase = true;

    /// <summary>Another node on this PostgreSQL database: its own data folder (and search index), the same data.</summary>
    public static ConsultApp Node(string postgresDatabase) =>
        new(Path.Combine(Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N")), postgresDatabase, ownsDatabase: false);

    /// <summary>Stops the app and keeps its data, for <see cref="Over"/> to start the portal again on it.</summary>
    public void Stop()
    {
        _keepData = true;
        Dispose();
    }

    /// <summary>The portal started on another's data folder and database (a second node, or a restart); it owns them from then on.</summary>
    public static ConsultApp Over(ConsultApp other) => new(other.DataDirectory, other.PostgresDatabase);

    private bool _keepData;

    public string DataDirectory { get; }

    /// <summary>This portal's database when the suite runs on PostgreSQL.</summary>
    public string? PostgresDatabase { get; }

    /// <summary>Where this portal keeps its data, to reach the database while the portal is stopped.</summary>
    public StorageOptions Storage => PostgresDatabase is null
        ? new StorageOptions { DataDirectory = DataDirectory }
        : new StorageOptions { DataDirectory = DataDirectory, Provider = "postgres", ConnectionString = PostgresDatabase };

    public TestClock Clock { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Hash passwords with Identity's shipped number of rounds. Off by default: those 100,000 rounds of PBKDF2 took a
    /// sixth of the suite's processor time, and the tests check who may sign in, not how hard a hash is to break.
    /// </summary>
    public bool ShippedPasswordRounds { get; init; }

    /// <summary>Configuration for this app, set before its first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    private bool _built;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _built = true;
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (PostgresDatabase is not null)
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", PostgresDatabase);
        }
        if (!Settings.ContainsKey("Demo:Seed"))
        {
            builder.UseSetting("Demo:Seed", _seedDemo ? "true" : "false");
        }
        // The tests' consultations last a working week; the shipped minimum is tested with Settings[key] = null.
        if (!Settings.ContainsKey("Consultations:MinimumWindowDays"))
        {
            builder.UseSetting("Consultations:MinimumWindowDays", "5");
        }
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        builder.UseSetting("Site:Owner", "Cơ quan kiểm thử");
        builder.UseSetting("Site:ContactEmail", "lienhe@example.vn");
        // A null value leaves the setting to the app's own configuration.
        foreach (var (key, value) in Settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            if (!ShippedPasswordRounds)
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            }
        });
    }

    /// <summary>Makes every save so far searchable now, as the indexer's next tick (within 100 ms) would.</summary>
    public void CatchUpSearch() => Services.GetRequiredService<SearchIndex>().CatchUp();

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <param name="catchUpSearch">False leaves the new rows to the indexer, as a save from elsewhere would.</param>
    public Task<ImportReport> ImportAsync(string csv, string source = "test", bool catchUpSearch = true) =>
        ImportAsync(Encoding.UTF8.GetBytes(csv), source, catchUpSearch);

    public async Task<ImportReport> ImportAsync(byte[] file, string source = "test", bool catchUpSearch = true)
    {
        using var scope = Services.CreateScope();
        var report = await ImportRegulations.FromCsvAsync(scope.ServiceProvider.GetRequiredService<IMediator>(),
            scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value, new MemoryStream(file), source);
        if (catchUpSearch)
        {
            CatchUpSearch();
        }
        return report;
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, int expectedStatus = 200)
    {
        CatchUpSearch();
        var response = await CreateClient().GetAsync(url);
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _built)
        {
            // Lucene keeps a list of the index locks this process holds. Several portals start and stop in one test
            // process, and an index left open by a host whose shutdown went wrong would lock out the next portal on
            // that folder, so the index is closed first, whatever the host's disposal does (closing twice is a no-op).
            _built = false;
            try
            {
                Services.GetRequiredService<SearchIndex>().Dispose();
            }
            catch (ObjectDisposedException)
            {
                // Disposed asynchronously already, the index with it.
            }
        }
        base.Dispose(disposing);
        if (disposing && !_keepData)
        {
            if (PostgresDatabase is not null && _ownsDatabase)
            {
                TestStorage.DropDatabase(PostgresDatabase);
            }
            if (Directory.Exists(DataDirectory))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Folders.Delete(DataDirectory);
            }
        }
    }
}

public static class Folders
{
    /// <summary>Deletes a folder of a stopped portal: Lucene's merge threads may finish a file just as the folder goes.</summary>
    public static void Delete(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(50);
            }
        }
    }
}

/// <summary>
/// One portal for the tests of a class (xunit runs them one after another), instead of a portal started and stopped
/// for each: <see cref="Fresh"/> gives each test the portal as a new one would be. A class whose tests need other
/// settings shares a subclass that sets them.
/// </summary>
public class SharedPortal : ConsultApp
{
    /// <summary>
    /// The template's rows back in the database, with a new generation so that the portal drops what it derived from
    /// the last test's (search index, facts, figures, effort-index views); no mail, upload or attachment left; the real
    /// clock; no captured logs.
    /// </summary>
    public ConsultApp Fresh()
    {
        var index = Services.GetRequiredService<SearchIndex>().Path;
        TestStorage.RestoreTemplate(DataDirectory, PostgresDatabase);
        foreach (var file in Directory.EnumerateDirectories(DataDirectory).Where(d => d != index)
                     .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)))
        {
            File.Delete(file);
        }
        Clock.Reset();
        Logs.Entries.Clear();
        // Rebuilt now rather than at the indexer's next tick, so no search in the test can find the last test's records.
        CatchUpSearch();
        return this;
    }
}

/// <summary>The app with the demo registry loaded, shared by the tests that only read.</summary>
public sealed class DemoApp() : ConsultApp(seedDemo: true);

[CollectionDefinition(nameof(DemoCollection))]
[LongRunning]
public sealed class DemoCollection : ICollectionFixture<DemoApp>;
