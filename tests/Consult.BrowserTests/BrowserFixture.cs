using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Consult.BrowserTests;

/// <summary>
/// The portal with its demo data on a real loopback port, and Debian's chromium (its headless shell) driven by Playwright.
/// Screenshots of the pages a journey passes go to TestResults/screenshots beside this project.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Debian's build of chromium without a window system (package chromium-headless-shell, from the same source and
    /// version as chromium), the browser Playwright itself runs headless. The full browser in headless mode drew far
    /// more: the journeys took 2 min 31 s with it and 1 min 08 s with this.
    /// </summary>
    public const string ChromiumPath = "/usr/bin/chromium-headless-shell";

    private readonly PortalOnPort _portal = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The portal's clock: a journey that needs a deadline to pass moves it on, and puts it back when done.</summary>
    public ShiftedClock Clock => _portal.Clock;

    /// <summary>The link of the newest mail sent to an address (the portal writes mail to its pickup folder), as a path on this portal.</summary>
    public string LinkMailedTo(string address, string path)
    {
        var mail = new DirectoryInfo(Path.Combine(_portal.DataDirectory, "mail")).GetFiles("*.eml")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => File.ReadAllText(f.FullName))
            .First(text => text.Contains(address, StringComparison.OrdinalIgnoreCase));
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(mail[(mail.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Replace("\r\n", "")));
        return System.Text.RegularExpressions.Regex.Match(body, "https?://[^/]+(" + System.Text.RegularExpressions.Regex.Escape(path) + @"\?\S+)").Groups[1].Value;
    }

    public static string ScreenshotFolder { get; } =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with `bash tests/run.sh`, which installs it from Debian.");
        }
        _portal.UseKestrel(0);
        _portal.StartServer();
        BaseUrl = _portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags chromium keeps dialling out of this closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile: its own cookies, Vietnamese first.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(storageState: null);

    private async Task<IPage> NewPageAsync(string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN", StorageState = storageState });
        return await context.NewPageAsync();
    }

    private readonly Dictionary<(string Email, TimeSpan ClockShift), string> _sessions = [];

    /// <summary>
    /// A fresh profile signed in as a demo account, for a journey that goes to a page next. The account's first profile
    /// signs in through the form; later ones start with that session's cookies (signing in is itself a journey, in
    /// <c>AccountJourneyTests</c>). A sign-in took about a second in chromium; the journeys went from 2 min 59 s to
    /// 2 min 36 s. A session from before the portal's clock moved on may have expired by the moved clock, so those sign in again.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email)
    {
        if (_sessions.TryGetValue((email, Clock.Shift), out var session))
        {
            return await NewPageAsync(session);
        }
        var page = await NewPageAsync();
        await page.SignInAsync(email);
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        _sessions[(email, Clock.Shift)] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>
    /// Closes the profiles a journey opened. Headless chromium keeps drawing every open page, so pages left open by
    /// earlier journeys made each later one slower (chromium took 1.5 of the 2 cores).
    /// </summary>
    public async Task CloseProfilesAsync()
    {
        foreach (var context in Browser.Contexts)
        {
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _portal.DisposeAsync();
    }

    private sealed class PortalOnPort : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "consult-browser-tests", Guid.NewGuid().ToString("N"));

        public string DataDirectory => _dataDirectory;

        public ShiftedClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:DataDirectory", _dataDirectory);
            builder.UseSetting("Demo:Seed", "true");
            // Every journey signs in from the same address; the limit itself is tested in the integration tests.
            builder.UseSetting("RateLimits:AccountPostsPerMinute", "1000");
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
    }
}

/// <summary>The system's time, moved on by a set span.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

/// <summary>A journey (each class is in the one <see cref="BrowserCollection"/>): the profiles it opens are closed when it ends.</summary>
public abstract class BrowserJourney(BrowserFixture fixture) : IAsyncLifetime
{
    protected BrowserFixture Browser => fixture;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.CloseProfilesAsync();
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

public static class PageExtensions
{
    /// <summary>A full-page screenshot, as JPEG: smaller files, and quicker to encode than PNG for pages this tall.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 85 });

    public static async Task SignInAsync(this IPage page, string email, string password = Consult.Web.Infrastructure.Security.DemoAccounts.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }
}
