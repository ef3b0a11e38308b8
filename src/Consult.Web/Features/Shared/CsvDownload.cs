using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Shared;

public static class CsvDownload
{
    /// <summary>A CSV file to save; the byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.</summary>
    public static FileContentResult Csv(this ControllerBase controller, StringBuilder csv, string fileName) =>
        controller.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);

    /// <summary>Writes a CSV download as its rows come: a header line, then one line per call of the writer it is given.</summary>
    public static async Task StreamCsvAsync(this ControllerBase controller, string fileName, string header, Func<Func<IEnumerable<string?>, Task>, Task> rows)
    {
        var response = controller.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await writer.WriteAsync(header + "\r\n");
        await rows(async cells => await writer.WriteAsync(Domain.Import.Csv.ExportLine(cells)));
    }
}
