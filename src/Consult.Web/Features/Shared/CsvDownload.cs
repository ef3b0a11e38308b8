using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Shared;

public static class CsvDownload
{
    /// <summary>A CSV file to save; the byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.</summary>
    public static FileContentResult Csv(this ControllerBase controller, StringBuilder csv, string fileName) =>
        controller.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
}
