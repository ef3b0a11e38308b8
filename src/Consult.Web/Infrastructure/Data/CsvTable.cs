using System.Text;
using Consult.Domain.Import;

namespace Consult.Web.Infrastructure.Data;

/// <summary>A UTF-8 CSV file with a header row, read whole, with the line number of each record.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRecord> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRecord> Rows { get; }

    public int ColumnIndex(string name) => _columns.GetValueOrDefault(name, -1);

    public string? Cell(string[] cells, string column) => ColumnIndex(column) is var i and >= 0 && i < cells.Length ? cells[i] : null;

    /// <summary>Reads the table, or says in Vietnamese why the file is not a readable CSV.</summary>
    public static (CsvTable? Table, string? Error) Read(Stream stream)
    {
        try
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var records = Csv.Parse(reader).ToList();
            if (records.Count == 0)
            {
                return (null, "Tệp trống hoặc thiếu dòng tiêu đề.");
            }
            return (new CsvTable(records[0].Fields.Select(h => h.Trim()).ToList(), records.Skip(1).ToList()), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Tệp không phải văn bản UTF-8.");
        }
        catch (CsvFormatException ex)
        {
            return (null, ex.Message);
        }
    }
}
