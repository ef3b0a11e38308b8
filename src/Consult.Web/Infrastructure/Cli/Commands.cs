using Consult.Web.Features.Import;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using MediatR;

namespace Consult.Web.Infrastructure.Cli;

/// <summary>The maintenance commands: `import regulations FILE.csv`, `import documents FILE.csv`, `reindex`.</summary>
public static class Commands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "reindex";

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
                        ? await ImportRegulations.FromCsvAsync(mediator, file, $"import:{Path.GetFileName(path)}")
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
                var (count, elapsed) = SearchIndex.Rebuild(scope.ServiceProvider.GetRequiredService<Db>().Connection);
                await output.WriteLineAsync($"Đã lập lại chỉ mục tìm kiếm cho {count} quy định trong {elapsed.TotalSeconds:0.0} giây.");
                return 0;
            default:
                await output.WriteLineAsync("Lệnh: import regulations TỆP.csv | import documents TỆP.csv | reindex");
                return 2;
        }
    }
}
