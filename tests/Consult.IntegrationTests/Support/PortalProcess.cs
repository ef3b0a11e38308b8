using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Consult.IntegrationTests.Support;

/// <summary>The portal as a real process on a free port, for what only a process can show: being killed.</summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public HttpClient Client() => new() { BaseAddress = Address };

    /// <summary>Starts a portal on the folder and its database, and waits until it serves.</summary>
    public static Task<PortalProcess> StartAsync(TemporaryDataFolder folder, params (string Key, string Value)[] settings) =>
        StartAsync(folder.Path, [.. folder.StorageSettings, .. settings]);

    public static async Task<PortalProcess> StartAsync(string dataDirectory, params (string Key, string Value)[] settings)
    {
        var portal = Launch(dataDirectory, settings);
        await portal.WaitReadyAsync();
        return portal;
    }

    /// <summary>Starts the process without waiting for it to serve.</summary>
    public static PortalProcess Launch(string dataDirectory, params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var start = StartInfo(dataDirectory, [("Urls", $"http://127.0.0.1:{port}"), .. settings], []);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Runs a maintenance command (<c>migrate</c>, <c>reindex</c>…) as an operator would, and waits for it to end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, (string Key, string Value)[] settings, params string[] command)
    {
        using var process = Process.Start(StartInfo(dataDirectory, settings, command))!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not exit within a minute: it started the site instead.");
        }
        return (process.ExitCode, await output);
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, (string Key, string Value)[] settings, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Consult.Web.dll"), .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(3);

    public async Task WaitReadyAsync()
    {
        using var client = Client();
        var deadline = Stopwatch.StartNew();
        // A bound on a hang, not a speed target: loading the demo while the other test assemblies share two cores has taken over a minute.
        while (deadline.Elapsed < StartBound)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode} while starting.");
            }
            try
            {
                if ((await client.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        Dispose();
        throw new TimeoutException($"The portal did not start within {StartBound.TotalMinutes:N0} minutes.");
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A data folder for portal processes, with its own database when the suite runs on PostgreSQL; removed with everything
/// in it at the end of the test.
/// </summary>
public sealed class TemporaryDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "consult-tests", Guid.NewGuid().ToString("N"));

    public string? PostgresDatabase { get; } = TestStorage.OnPostgres ? TestStorage.CreateDatabase() : null;

    /// <summary>The settings that point a portal process at this folder's database.</summary>
    public (string Key, string Value)[] StorageSettings => PostgresDatabase is null
        ? []
        : [("Storage__Provider", "postgres"), ("Storage__ConnectionString", PostgresDatabase)];

    public void Dispose()
    {
        if (PostgresDatabase is not null)
        {
            TestStorage.DropDatabase(PostgresDatabase);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
