using Consult.IntegrationTests.Support;
using Consult.Web.Features.EffortIndex;
using Microsoft.Extensions.DependencyInjection;
using static Consult.IntegrationTests.Support.Rows;

namespace Consult.IntegrationTests.Features.EffortIndex;

/// <summary>Finding 7: anonymous requests reuse the computed index until the data changes.</summary>
public class IndexCacheTests
{
    [Fact]
    public async Task The_index_is_computed_once_per_version_of_the_data_and_follows_every_write()
    {
        using var app = new ConsultApp();
        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu")));
        var cache = app.Services.GetRequiredService<IndexCache>();

        var first = await app.GetJsonAsync("/api/v1/effort-index");
        var computed = cache.Computed;
        for (var i = 0; i < 5; i++)
        {
            await app.GetPageAsync("/effort-index");
            await app.GetJsonAsync("/api/v1/effort-index");
        }
        Assert.Equal(computed, cache.Computed);

        await app.ImportAsync(File(Row("1.000106", "Cấp Giấy phép bán buôn rượu"), Row("1.000107", "Cấp Giấy phép bán lẻ rượu")));
        var after = await app.GetJsonAsync("/api/v1/effort-index");
        Assert.Equal(computed + 1, cache.Computed);
        Assert.NotEqual(first.ToString(), after.ToString());
    }
}
