using Consult.Web.Features.Import;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Infrastructure.Cli;

/// <summary>
/// The maintenance commands: `migrate`, `import regulations FILE.csv`, `import documents FILE.csv`, `reindex`
/// (and `copy-database`, see <see cref="DatabaseCopy"/>).
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "reindex";

    /// <summary>`migrate`: the schema and reference data brought up to date, the site not started, no demo loaded.</summary>
    public static bool IsMigrate(string[] args) => args is ["migrate"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        using var scope = services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        switch (args)
        {
            case ["import", "regulations" or "documents", var path]:
                if (!File.Exists(path))
                {
                    await output.WriteLineAsync($"Không tìm thấy tệp {path}.");
                    return 2;
                }
                await using (var file = File.OpenRead(path))
                {
                    var report = args[1] == "regulations"
                        ? await ImportRegulations.FromCsvAsync(mediator, scope.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value, file, $"import:{Path.GetFileName(path)}")
                        : await mediator.Send(new ImportLegalDocuments.Command(file));
                    foreach (var error in report.Errors)
                    {
                        await output.WriteLineAsync(error);
                    }
                    await output.WriteLineAsync(report.Succeeded
                        ? $"Đã nhập: {report.Created} mới, {report.Updated} cập nhật, {report.Unchanged} không đổi."
                        : $"Không nhập gì: {report.Errors.Count} lỗi.");
                    return report.Succeeded ? 0 : 1;
                }
            case ["reindex"]:
                return await ReindexAsync(services, scope.ServiceProvider.GetRequiredService<Db>(), output);
            default:
                await output.WriteLineAsync("Lệnh: migrate | import regulations TỆP.csv | import documents TỆP.csv | reindex | copy-database --from sqlite:TỆP --to postgres:KẾT_NỐI");
                return 2;
        }
    }

    /// <summary>
    /// Asks every node to rebuild its index and read again what it keeps in memory (a new generation in the database,
    /// see <see cref="Registry.RegistryVersion"/>), and rebuilds this one at once unless a running portal holds it:
    /// that portal rebuilds within a second.
    /// </summary>
    private static async Task<int> ReindexAsync(IServiceProvider services, Db db, TextWriter output)
    {
        await db.Connection.ExecuteAsync("update registry_state set index_generation = index_generation + 1");
        SearchIndex index;
        try
        {
            index = services.GetRequiredService<SearchIndex>();
        }
        catch (IndexInUseException)
        {
            await output.WriteLineAsync("Cổng đang chạy và giữ chỉ mục tìm kiếm; cổng sẽ tự lập lại chỉ mục trong giây lát.");
            return 0;
        }
        var (count, elapsed) = index.Rebuild();
        await output.WriteLineAsync($"Đã lập lại chỉ mục tìm kiếm: {count} quy định và văn bản trong {elapsed.TotalSeconds:0.0} giây.");
        return 0;
    }
}
