using System.Diagnostics;
using System.Globalization;
using System.Text;
using Consult.Benchmarks;
using Consult.Domain.Import;
using Consult.Domain.Text;
using Consult.Web.Features.Regulations;
using Consult.Web.Features.Import;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Dapper;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SearchFeature = Consult.Web.Features.Search.Search;

// Usage: dotnet run -c Release --project tests/Consult.Benchmarks -- [--sizes 20000,1000000] [--dir PATH] [--passes 3]
//        [--providers sqlite,postgres --postgres "Host=…;Username=…;Database=postgres"]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (args.Contains("--relevance"))
{
    var relevance = await Relevance.RunAsync(Path.Combine(options.Directory, "relevance"),
        Path.Combine(AppContext.BaseDirectory, "relevance.tsv"), tune: args.Contains("--tune"));
    Console.WriteLine(relevance);
    return;
}
var corpus = new Corpus();
var report = new StringBuilder();
report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

foreach (var provider in options.Providers)
foreach (var size in options.Sizes)
{
    // SQLite keeps the corpus folder it always had; PostgreSQL a database of its own and a folder for the index.
    var directory = Path.Combine(options.Directory, size.ToString(CultureInfo.InvariantCulture) + (provider == "sqlite" ? "" : "-" + provider));
    var storage = provider == "sqlite" ? null : options.PostgresDatabase($"consult_bench_{size}");
    using var services = BuildServices(directory, storage);
    await Startup.PrepareDatabaseAsync(services);
    report.AppendLine().AppendLine($"## {size:N0} regulations, {provider}");

    var existing = Scalar<long>(services, "select count(*) from regulation");
    if (existing < size)
    {
        var (rate, elapsed) = await ImportAsync(services, corpus, existing + 1, size);
        report.AppendLine($"- import: {size - existing:N0} rows in {elapsed.TotalSeconds:N1} s = **{rate:N0} rows/s** (CSV parse, checks, versions, index, in files of {Options.BatchSize:N0} rows)");
    }

    var index = services.GetRequiredService<SearchIndex>();
    {
        var (count, elapsed) = index.Rebuild();
        var indexBytes = Directory.GetFiles(index.Path).Sum(f => new FileInfo(f).Length);
        var textBytes = Scalar<long>(services, "select sum(octet_length(title) + octet_length(content)) from regulation");
        var databaseBytes = provider == "sqlite"
            ? new FileInfo(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath).Length
            : Scalar<long>(services, "select pg_database_size(current_database())");
        report.AppendLine($"- index rebuild: {count:N0} regulations and documents in {elapsed.TotalSeconds:N1} s = **{count / elapsed.TotalSeconds:N0} entries/s**; index {indexBytes / 1e6:N0} MB, original text {textBytes / 1e6:N0} MB, database {databaseBytes / 1e6:N0} MB");
    }

    var queries = QueryMix.Build(corpus, size);
    await File.WriteAllLinesAsync(Path.Combine(directory, "wrk-queries.txt"), queries.Select(q => q.UrlQuery));
    // Published regulations only: the public (wrk) may open nothing else.
    await File.WriteAllLinesAsync(Path.Combine(directory, "wrk-codes.txt"), Enumerable.Range(0, 500).Select(i => Uri.EscapeDataString(
        Scalar<string>(services, "select code from regulation where id >= @id and published = true order by id limit 1", new { id = 1 + (long)i * size / 500 }))));

    foreach (var threads in new[] { 1, 2 })
    {
        var result = await Latency.MeasureAsync(services, queries, threads, options.Passes);
        report.AppendLine($"- search, {threads} thread{(threads > 1 ? "s" : "")}: **p50 {result.P(0.50):N2} ms, p95 {result.P(0.95):N2} ms, p99 {result.P(0.99):N2} ms**, max {result.P(1):N1} ms, {result.PerSecond:N0} queries/s ({result.Count:N0} queries)");
        if (threads == 1)
        {
            foreach (var group in result.ByCategory())
            {
                report.AppendLine($"  - {group.Category}: p50 {group.P50:N2} ms, p99 {group.P99:N2} ms");
            }
        }
    }

    // A second node on the same database, with an index of its own: it starts empty and builds it from the database.
    if (Directory.Exists(Path.Combine(directory, "index-node2")))
    {
        Directory.Delete(Path.Combine(directory, "index-node2"), recursive: true);
    }
    using var other = BuildServices(directory, storage, indexDirectory: "index-node2");
    var otherIndex = other.GetRequiredService<SearchIndex>();
    var built = Stopwatch.StartNew();
    otherIndex.CatchUp();
    report.AppendLine($"- a second node started with an empty index builds it from the database in {built.Elapsed.TotalSeconds:N1} s");
    var saves = await Saves.MeasureAsync(services, otherIndex, other, corpus, size, count: 2_000);
    report.AppendLine($"- single saves, one regulation per transaction (row, sectors, basis, version, audit), the other node's indexer running: new **{saves.Created:N0} saves/s**, edit of an existing one **{saves.Edited:N0} saves/s**, {Saves.Writers} writers at once **{saves.Concurrent:N0} saves/s**; save → searchable on the other node p50 {saves.LagP50:N0} ms, p99 **{saves.LagP99:N0} ms**, max {saves.LagMax:N0} ms");
    report.AppendLine($"- peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1L << 20):N0} MB");
    Console.WriteLine(report);
}

await File.WriteAllTextAsync(Path.Combine(options.Directory, "results.md"), report.ToString());
Console.WriteLine(report);
return;

static ServiceProvider BuildServices(string directory, string? postgres, string indexDirectory = "index")
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = directory,
        ["Storage:Provider"] = postgres is null ? "sqlite" : "postgres",
        ["Storage:ConnectionString"] = postgres,
        ["Search:IndexDirectory"] = indexDirectory,
        ["Demo:Seed"] = "false",
    }).Build();
    return new ServiceCollection().AddLogging().AddConsultCore(configuration).BuildServiceProvider();
}

static T Scalar<T>(IServiceProvider services, string sql, object? parameters = null)
{
    using var scope = services.CreateScope();
    return scope.ServiceProvider.GetRequiredService<Db>().Connection.ExecuteScalar<T>(sql, parameters)!;
}

static async Task<(double Rate, TimeSpan Elapsed)> ImportAsync(IServiceProvider services, Corpus corpus, long from, long to)
{
    var watch = Stopwatch.StartNew();
    for (var start = from; start <= to; start += Options.BatchSize)
    {
        var end = Math.Min(to, start + Options.BatchSize - 1);
        var csv = new StringBuilder(RegulationRowParser.RequiredColumns.Aggregate((a, b) => a + "," + b)).Append('\n');
        for (var id = start; id <= end; id++)
        {
            csv.Append(corpus.Row(id)).Append('\n');
        }
        using var scope = services.CreateScope();
        var result = await ImportRegulations.FromCsvAsync(
            scope.ServiceProvider.GetRequiredService<IMediator>(), new ImportOptions(), new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "benchmark");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Errors.Take(10)));
        }
        Console.Error.Write($"\rimported {end:N0}");
    }
    Console.Error.WriteLine();
    return ((to - from + 1) / watch.Elapsed.TotalSeconds, watch.Elapsed);
}

internal sealed record Options(IReadOnlyList<int> Sizes, string Directory, int Passes, IReadOnlyList<string> Providers, string? Postgres)
{
    /// <summary>The benchmark's own database on the PostgreSQL server, created when missing (kept, like a corpus folder).</summary>
    public string PostgresDatabase(string name)
    {
        var server = Postgres ?? throw new InvalidOperationException("--providers postgres needs --postgres CONNECTION (a server's maintenance database).");
        using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            connection.Open();
            if (connection.ExecuteScalar<long>("select count(*) from pg_database where datname = @name", new { name }) == 0)
            {
                connection.Execute($"create database {name}");
            }
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    // The largest file an import takes by default (Import:MaxRows).
    public const int BatchSize = 5_000;

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var sizes = (Value("--sizes") ?? "20000").Split(',').Select(int.Parse).ToList();
        var directory = Path.GetFullPath(Value("--dir") ?? Path.Combine("tests", "Consult.Benchmarks", "corpus"));
        return new Options(sizes, directory, int.Parse(Value("--passes") ?? "3"), (Value("--providers") ?? "sqlite").Split(','), Value("--postgres"));
    }
}

internal sealed record BenchQuery(string Category, SearchFeature.Query Query)
{
    public string UrlQuery => string.Join('&', new[] { ("q", Query.Q), ("kind", Query.Kind), ("agency", Query.Agency) }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}

/// <summary>A fixed mix: very common, mid and rare syllables, AND queries, phrases, prefixes, filters, numbers and codes.</summary>
internal static class QueryMix
{
    public static List<BenchQuery> Build(Corpus corpus, int size)
    {
        var random = new SplitMix(42);
        var lexicon = corpus.Lexicon;
        string Marked(string text, int i) => i % 2 == 0 ? text : VietnameseFolding.Fold(text);
        string Multi(int from, int to) { string w; do { w = lexicon[from + random.Next(to - from)]; } while (!w.Contains(' ')); return w; }
        var queries = new List<BenchQuery>();
        void Add(string category, string q, string? kind = null, string? agency = null) =>
            queries.Add(new BenchQuery(category, new SearchFeature.Query { Q = q, Kind = kind, Agency = agency }));

        var byFrequency = corpus.SyllablesByFrequency();
        for (var i = 0; i < 10; i++) Add("common syllable", Marked(byFrequency[i], i));
        for (var i = 0; i < 10; i++) Add("mid syllable", Marked(byFrequency[100 + random.Next(900)], i));
        for (var i = 0; i < 10; i++) Add("rare syllable", Marked(byFrequency[1000 + random.Next(byFrequency.Count - 1000)], i));
        for (var i = 0; i < 25; i++) Add("AND, one word", Marked(Multi(30, 3000), i));
        for (var i = 0; i < 15; i++) Add("AND, two words", Marked(lexicon[30 + random.Next(75)] + " " + lexicon[random.Next(2000)], i));
        for (var i = 0; i < 25; i++) Add("phrase", "\"" + Marked(Multi(30, 3000), i) + "\"");
        for (var i = 0; i < 15; i++) Add("phrase, common", "\"" + Marked(lexicon[30 + random.Next(75)], i) + "\"");
        for (var i = 0; i < 20; i++)
        {
            var syllable = VietnameseFolding.Fold(corpus.Syllables[random.Next(600)]);
            Add("prefix", syllable[..Math.Min(3, syllable.Length)] + "*");
        }
        for (var i = 0; i < 20; i++)
        {
            var next = VietnameseFolding.Fold(corpus.Syllables[random.Next(600)]);
            Add("word + prefix", Marked(lexicon[30 + random.Next(200)], i) + " " + next[..Math.Min(2, next.Length)] + "*");
        }
        for (var i = 0; i < 20; i++) Add("filtered", Marked(lexicon[30 + random.Next(75)], i), kind: Corpus.Kinds[random.Next(Corpus.Kinds.Length)], agency: Corpus.Agencies[random.Next(Corpus.Agencies.Length)]);
        for (var i = 0; i < 15; i++) Add("document number", Corpus.DocumentNumber(random.Next(3000)));
        // Added with the Lucene engine: partial citations and unquoted two-word queries (adjacency counts).
        for (var i = 0; i < 15; i++)
        {
            var n = random.Next(3000) / 4 * 4;
            var parts = Corpus.DocumentNumber(n).Split('/');
            Add("partial citation", (i % 3) switch { 0 => $"{parts[0]}/{parts[1]}", 1 => $"nghị định {parts[0]}/{parts[1]}", _ => $"NĐ {parts[0]}" });
        }
        for (var i = 0; i < 15; i++) Add("adjacency, two words", Marked(Multi(30, 3000) + " " + Multi(30, 3000), i));
        for (var i = 0; i < 15; i++)
        {
            var id = 1 + random.Next(size);
            var kind = Corpus.Kinds[new SplitMix(20261122UL ^ (ulong)id * 0x9E3779B97F4A7C15UL).Next(Corpus.Kinds.Length)];
            Add("code", Corpus.Code(id, kind));
        }
        return queries;
    }
}

internal sealed record LatencyResult(IReadOnlyList<(string Category, double Ms)> Samples, double PerSecond)
{
    public int Count => Samples.Count;

    public double P(double p) => Percentile(Samples.Select(s => s.Ms), p);

    public IEnumerable<(string Category, double P50, double P99)> ByCategory() =>
        Samples.GroupBy(s => s.Category).Select(g => (g.Key, Percentile(g.Select(s => s.Ms), 0.5), Percentile(g.Select(s => s.Ms), 0.99)));

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>Each query goes through the search page's own handler: plan, FTS5, facets, order, hits and snippets.</summary>
internal static class Latency
{
    public static async Task<LatencyResult> MeasureAsync(IServiceProvider services, IReadOnlyList<BenchQuery> queries, int threads, int passes)
    {
        // Warm-up: long enough for tiered compilation to settle on the optimised code.
        for (var pass = 0; pass < 3; pass++)
        {
            await RunAsync(services, queries, 0, queries.Count, null);
        }
        var samples = new List<(string, double)>[threads];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            samples[t] = [];
            for (var pass = 0; pass < passes; pass++)
            {
                await RunAsync(services, queries, t * queries.Count / threads, queries.Count, samples[t]);
            }
        })));
        var all = samples.SelectMany(s => s).ToList();
        return new LatencyResult(all, all.Count / watch.Elapsed.TotalSeconds);
    }

    private static async Task RunAsync(IServiceProvider services, IReadOnlyList<BenchQuery> queries, int offset, int count, List<(string, double)>? samples)
    {
        for (var i = 0; i < count; i++)
        {
            var query = queries[(offset + i) % queries.Count];
            var start = Stopwatch.GetTimestamp();
            using (var scope = services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query.Query);
            }
            samples?.Add((query.Category, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }
    }
}

/// <summary>
/// Single saves as the agency workspace makes them, one regulation per transaction, with the node's indexer
/// running as in the site; each save's lag is from its commit to the moment search shows it.
/// </summary>
internal static class Saves
{
    public sealed record Result(double Created, double Edited, double Concurrent, double LagP50, double LagP99, double LagMax);

    /// <summary>Writers saving at the same time, each in its own scope (a request each), as editors of several ministries would.</summary>
    public const int Writers = 8;

    /// <summary>Saves through one node while the other node's indexer runs, and how long each takes to be searchable there.</summary>
    public static async Task<Result> MeasureAsync(IServiceProvider services, SearchIndex index, IServiceProvider other, Corpus corpus, int size, int count)
    {
        var random = new SplitMix(7);
        var columns = RegulationRowParser.RequiredColumns.ToList();
        // Each run saves something new: a kept corpus must not turn these into "unchanged" no-ops.
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        RegulationRow Parse(long id, string code)
        {
            var record = Csv.Parse(new StringReader(corpus.Row(id))).Single();
            var row = RegulationRowParser.Parse(RegulationInput.FromCells(c => columns.IndexOf(c) is var k and >= 0 ? record.Fields[k] : null)).Row!;
            return row with { Code = code, Title = row.Title + $" (sửa đổi {run})" };
        }
        var edits = Enumerable.Range(0, count).Select(_ => 1 + random.Next(size)).Distinct()
            .Select(id => Parse(id, Scalar(services, id))).ToList();
        var news = Enumerable.Range(0, count).Select(i => Parse(size + 1 + i, $"NEW-{run}-{i:D5}")).ToList();
        var together = Enumerable.Range(0, count).Select(i => Parse(size + 1 + count + i, $"PAR-{run}-{i:D5}")).ToList();

        var indexer = new SearchIndexer(index, other.GetRequiredService<StorageProvider>(), other.GetRequiredService<IOptions<SearchOptions>>(),
            other.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SearchIndexer>>());
        await indexer.StartAsync(CancellationToken.None);
        var visible = new List<(long Seq, long At)>();
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            var last = -1L;
            while (!stop.IsCancellationRequested)
            {
                var seq = index.IndexedSeq;
                if (seq != last)
                {
                    lock (visible)
                    {
                        visible.Add((seq, Stopwatch.GetTimestamp()));
                    }
                    last = seq;
                }
                await Task.Delay(1);
            }
        });
        var saved = new List<(long Seq, long At)>();
        var created = await SaveAllAsync(services, news, saved);
        var edited = await SaveAllAsync(services, edits, saved);
        var watch = Stopwatch.StartNew();
        var shares = together.Chunk((together.Count + Writers - 1) / Writers).Select(part => new List<(long Seq, long At)>()).ToList();
        await Task.WhenAll(together.Chunk((together.Count + Writers - 1) / Writers)
            .Select((part, i) => Task.Run(() => SaveAllAsync(services, part, shares[i]))));
        var concurrent = together.Count / watch.Elapsed.TotalSeconds;
        var lastSeq = saved[^1].Seq;
        while (index.IndexedSeq < lastSeq)
        {
            await Task.Delay(5);
        }
        await Task.Delay(20);
        await stop.CancelAsync();
        await watcher;
        await indexer.StopAsync(CancellationToken.None);

        var lags = saved.Select(s =>
        {
            var shown = visible.First(v => v.Seq >= s.Seq).At;
            return Math.Max(0, Stopwatch.GetElapsedTime(s.At, shown).TotalMilliseconds);
        }).Order().ToArray();
        double P(double p) => lags[Math.Clamp((int)Math.Ceiling(p * lags.Length) - 1, 0, lags.Length - 1)];
        return new Result(created, edited, concurrent, P(0.5), P(0.99), lags[^1]);
    }

    private static string Scalar(IServiceProvider services, long id)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Db>().Connection.ExecuteScalar<string>("select code from regulation where id = @id", new { id })!;
    }

    private static async Task<double> SaveAllAsync(IServiceProvider services, IReadOnlyList<RegulationRow> rows, List<(long Seq, long At)> saved)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var watch = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var writer = scope.ServiceProvider.GetRequiredService<RegulationWriter>();
            await db.InTransactionAsync(() => writer.SaveAsync(row, "benchmark", CancellationToken.None));
            saved.Add((db.Connection.ExecuteScalar<long>("select change_seq from registry_state"), Stopwatch.GetTimestamp()));
        }
        return rows.Count / watch.Elapsed.TotalSeconds;
    }
}
