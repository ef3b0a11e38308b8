using Consult.IntegrationTests.Support;

namespace Consult.IntegrationTests.Features.Search;

/// <summary>The judged queries of the benchmark, as a floor: the benchmark reports the figures, this keeps them from sliding.</summary>
[Collection(nameof(DemoCollection))]
public class RelevanceTests(DemoApp app)
{
    [Fact]
    public async Task The_best_answer_to_nearly_every_judged_query_comes_first()
    {
        var judged = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "relevance.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToList();
        Assert.True(judged.Count >= 100);
        var misses = new List<string>();
        foreach (var fields in judged)
        {
            var relevant = fields[2].Split(',').ToHashSet();
            var page = await app.SearchAsync(fields[1], ("pageSize", "1"));
            if (page.Codes.Count == 0 || !relevant.Contains(page.Codes[0]))
            {
                misses.Add(fields[1]);
            }
        }
        Assert.True(misses.Count <= judged.Count / 20, "missed: " + string.Join(" | ", misses));
    }
}
