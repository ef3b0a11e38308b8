using System.Text;

namespace Consult.Domain.Import;

public sealed record CsvRecord(int Line, string[] Fields);

public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>RFC 4180 CSV: commas, double-quoted fields with "" for a quote, line breaks inside quotes, CRLF or LF.</summary>
public static class Csv
{
    public static IEnumerable<CsvRecord> Parse(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var recordLine = 1;
        var inQuotes = false;
        var fieldWasQuoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case '"':
                    throw new CsvFormatException(line, $"Dòng {line}: dấu ngoặc kép nằm giữa một ô; hãy đặt cả ô trong ngoặc kép và viết \"\" cho mỗi dấu ngoặc kép.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    if (fields is not [""])
                    {
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }
                    fields.Clear();
                    field.Clear();
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (fieldWasQuoted)
                    {
                        throw new CsvFormatException(line, $"Dòng {line}: có ký tự sau dấu ngoặc kép đóng của một ô.");
                    }
                    field.Append(ch);
                    break;
            }
        }
        if (inQuotes)
        {
            throw new CsvFormatException(recordLine, $"Dòng {recordLine}: thiếu dấu ngoặc kép đóng.");
        }
        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }

    /// <summary>
    /// A cell of a file people will open in a spreadsheet: text that starts like a formula (= + - @, tab, CR)
    /// is prefixed with an apostrophe so it stays text, as OWASP recommends; numbers are left as they are.
    /// </summary>
    public static string ExportCell(string? value)
    {
        value ??= "";
        var formula = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
        return Escape(formula ? "'" + value : value);
    }

    /// <summary>A whole line of a file people will open in a spreadsheet: its cells as <see cref="ExportCell"/>, ended by CRLF.</summary>
    public static string ExportLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(ExportCell)) + "\r\n";

    /// <summary>One cell as CSV: quoted when it holds a comma, quote or line break.</summary>
    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
