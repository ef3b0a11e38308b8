using System.Globalization;
using System.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consult.Benchmarks;

/// <summary>One judged query: what a reader typed and the regulations that answer it, the best first.</summary>
internal sealed record Judged(string Category, string Query, List<string> Relevant)
{
    /// <summary>Where an order is judged (a title, a fragment, a code) the first answer is worth 2, the others 1.</summary>
    public bool BestFirst => Category is "title" or "title-unmarked" or "words" or "phrase" or "code";

    public int Grade(string code) => Relevant.IndexOf(code) switch
    {
        < 0 => 0,
        0 when BestFirst => 2,
        _ => 1,
    };
}

internal sealed record RelevanceScore(double SuccessAt1, double Ndcg10, IReadOnlyList<(string Category, double SuccessAt1, double Ndcg10, int Count)> ByCategory);

/// <summary>success@1 and nDCG@10 of the search engine over the judged set, on the demo registry.</summary>
internal static class Relevance
{
    public static IReadOnlyList<Judged> Load(string path) => File.ReadLines(path)
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .Select(f => new Judged(f[0], f[1], f[2].Split(",", StringSplitOptions.RemoveEmptyEntries).ToList()))
        .ToList();

    public static async Task<string> RunAsync(string directory, string judgedPath, bool tune)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = directory,
            ["Demo:Seed"] = "true",
        }).Build();
        // The demo's accounts come with its data, so Identity is composed too.
        var collection = new ServiceCollection().AddLogging().AddConsultCore(configuration);
        collection.AddConsultIdentity(configuration);
        await using var services = collection.BuildServiceProvider();
        await Startup.PrepareDatabaseAsync(services);
        services.GetRequiredService<SearchIndex>().CatchUp();
        var judged = Load(judgedPath);

        var report = new StringBuilder();
        var defaults = new RankingWeights();
        var score = await ScoreAsync(services, judged, defaults);
        report.AppendLine($"Judged queries: {judged.Count}. With the weights in use ({Describe(defaults)}): **success@1 {score.SuccessAt1:P1}, nDCG@10 {score.Ndcg10:N3}**");
        foreach (var (category, s1, ndcg, count) in score.ByCategory)
        {
            report.AppendLine($"- {category} ({count}): success@1 {s1:P0}, nDCG@10 {ndcg:N3}");
        }
        var unweighted = await ScoreAsync(services, judged, new RankingWeights { Title = 1, Accent = 0, Pair = 0, TitlePair = 0 });
        report.AppendLine($"BM25 over all text alone (no title, accent or pair boosts): success@1 {unweighted.SuccessAt1:P1}, nDCG@10 {unweighted.Ndcg10:N3}");
        if (tune)
        {
            var results = new List<(RankingWeights Weights, RelevanceScore Score)>();
            foreach (var title in new[] { 1f, 2f, 3f, 5f, 8f })
            foreach (var pair in new[] { 0f, 2f, 4f, 8f, 12f, 16f })
            foreach (var titlePair in new[] { 0f, 1f, 3f, 6f })
            foreach (var accent in new[] { 0f, 0.5f, 1.5f, 3f })
            {
                var weights = new RankingWeights { Title = title, Pair = pair, TitlePair = titlePair, Accent = accent };
                results.Add((weights, await ScoreAsync(services, judged, weights)));
            }
            report.AppendLine("Best weights by nDCG@10, then success@1:");
            foreach (var (weights, s) in results.OrderByDescending(r => r.Score.Ndcg10).ThenByDescending(r => r.Score.SuccessAt1).Take(8))
            {
                report.AppendLine($"- {Describe(weights)}: success@1 {s.SuccessAt1:P1}, nDCG@10 {s.Ndcg10:N4}");
            }
        }
        return report.ToString();
    }

    private static string Describe(RankingWeights w) =>
        string.Create(CultureInfo.InvariantCulture, $"title {w.Title}, accent {w.Accent}, pair {w.Pair}, title pair {w.TitlePair}");

    public static async Task<RelevanceScore> ScoreAsync(IServiceProvider services, IReadOnlyList<Judged> judged, RankingWeights weights)
    {
        var results = new List<(string Category, bool Success, double Ndcg)>();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Db>();
        var engine = new SearchEngine(db, services.GetRequiredService<SearchIndex>(), services.GetRequiredService<RegistryFacts>(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { Weights = weights }));
        var codes = (await db.Connection.QueryAsync<(long Id, string Code)>("select id, code from regulation")).ToDictionary(r => r.Id, r => r.Code);
        foreach (var query in judged)
        {
            // An anonymous reader: published regulations only, as the judged set assumes.
            var outcome = await engine.SearchAsync(query.Query, new SearchFilters(), SearchSort.Relevance, take: 10, CancellationToken.None);
            var top = outcome.Ids.Select(id => codes[id]).ToList();
            var dcg = top.Select((code, i) => (Math.Pow(2, query.Grade(code)) - 1) / Math.Log2(i + 2)).Sum();
            var ideal = query.Relevant.Select(query.Grade).OrderDescending().Take(10).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
            results.Add((query.Category, top.Count > 0 && query.Grade(top[0]) > 0, ideal == 0 ? 0 : dcg / ideal));
            if (Environment.GetEnvironmentVariable("RELEVANCE_VERBOSE") is not null && (top.Count == 0 || query.Grade(top[0]) == 0))
            {
                Console.Error.WriteLine($"{query.Category} | {query.Query} | top: {string.Join(", ", top.Take(3))} | expected {string.Join(", ", query.Relevant.Take(3))}");
            }
        }
        return new RelevanceScore(
            results.Average(r => r.Success ? 1.0 : 0.0),
            results.Average(r => r.Ndcg),
            results.GroupBy(r => r.Category).Select(g => (g.Key, g.Average(r => r.Success ? 1.0 : 0.0), g.Average(r => r.Ndcg), g.Count())).ToList());
    }
}
