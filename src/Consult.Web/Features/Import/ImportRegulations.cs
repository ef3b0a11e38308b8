using Consult.Domain.Accounts;
using Consult.Domain.Import;
using Consult.Domain.Text;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using MediatR;

namespace Consult.Web.Features.Import;

public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportReport Failed(IReadOnlyList<string> errors) => new(0, 0, 0, errors);
}

/// <summary>
/// How big one import may be. An import is one transaction, and on SQLite a transaction holds the only write lock
/// until it ends: every save made meanwhile waits (<see cref="StorageOptions.BusyTimeoutSeconds"/>) and is answered
/// 503 after that. The default keeps an import's write to a few seconds (about 1,200 rows a second measured at
/// 60,000 regulations, see the benchmarks' README); larger files are split, each all or nothing.
/// </summary>
public sealed class ImportOptions
{
    public int MaxRows { get; set; } = 5_000;

    /// <summary>The message refusing a file of <paramref name="rows"/> data rows, or null if it may be imported.</summary>
    public string? RefuseSize(int rows) => rows <= MaxRows ? null
        : $"Tệp có {VietnameseNumbers.Show(rows)} dòng dữ liệu; mỗi lần nhập tối đa {VietnameseNumbers.Show(MaxRows)} dòng để không ai phải chờ lưu quá vài giây. "
          + "Hãy chia tệp thành nhiều tệp nhỏ hơn và nhập lần lượt; mỗi tệp được nhập trọn vẹn hoặc không nhập gì.";
}

/// <summary>A checked row of an import file and the line it came from.</summary>
public sealed record NumberedRow(int Line, RegulationRow Row);

/// <summary>Reads a regulations CSV into checked rows and Vietnamese messages naming line and column for the rest.</summary>
public static class RegulationFile
{
    public static (IReadOnlyList<NumberedRow> Rows, IReadOnlyList<string> Errors) Read(Stream csv, ImportOptions limits)
    {
        var (table, readError) = CsvTable.Read(csv);
        if (table is null)
        {
            return ([], [readError!]);
        }
        if (limits.RefuseSize(table.Rows.Count) is { } tooBig)
        {
            return ([], [tooBig]);
        }
        var missing = RegulationRowParser.RequiredColumns.Where(c => table.ColumnIndex(c) < 0).ToList();
        var known = RegulationRowParser.RequiredColumns.Concat(RegulationRowParser.OptionalColumns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = table.Header.Where(h => !known.Contains(h)).ToList();
        var errors = new List<string>();
        if (missing.Count > 0)
        {
            errors.Add($"Dòng 1: thiếu cột {string.Join(", ", missing.Select(ImportColumns.Name))}.");
        }
        if (unknown.Count > 0)
        {
            errors.Add($"Dòng 1: cột không được hỗ trợ: {string.Join(", ", unknown)}.");
        }
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<NumberedRow>(table.Rows.Count);
        var seenCodes = new Dictionary<string, int>();
        foreach (var (line, cells) in table.Rows)
        {
            var (row, rowErrors) = RegulationRowParser.Parse(RegulationInput.FromCells(column => table.Cell(cells, column)));
            var messages = rowErrors.Select(e => e.ToString()).ToList();
            if (row is not null && !seenCodes.TryAdd(RegulationCode.Key(row.Code), line))
            {
                messages.Add($"{ImportColumns.Cell("code")}: mã \"{row.Code}\" đã có ở dòng {seenCodes[RegulationCode.Key(row.Code)]}.");
            }
            errors.AddRange(messages.Select(m => $"Dòng {line}: {m}"));
            if (row is not null && messages.Count == 0)
            {
                rows.Add(new NumberedRow(line, row));
            }
        }
        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add("Tệp không có dòng dữ liệu nào.");
        }
        return (rows, errors);
    }
}

/// <summary>Imports checked regulation rows, all or nothing: one bad row rejects the whole file.</summary>
public static class ImportRegulations
{
    /// <param name="Rows">The file's valid rows.</param>
    /// <param name="FileErrors">What is wrong with the others; any error rejects the file, with the agency checks' messages added.</param>
    /// <param name="ApplyPublication">
    /// Take the file's published column. Only leads may; otherwise new rows stay unpublished and existing rows keep their state.
    /// </param>
    public sealed record Command(IReadOnlyList<NumberedRow> Rows, IReadOnlyList<string> FileErrors, string Source, bool ApplyPublication)
        : IRequest<ImportReport>, ICommand
    {
        public Permission Permission => Permission.AgencyWork(
            ApplyPublication ? Roles.Lead : Roles.Editor,
            agencies: Rows.Select(r => r.Row.AgencyCode),
            regulations: Rows.Select(r => r.Row.Code));
    }

    public static async Task<ImportReport> FromCsvAsync(IMediator mediator, ImportOptions limits, Stream csv, string source, bool applyPublication = true)
    {
        var (rows, errors) = RegulationFile.Read(csv, limits);
        return await mediator.Send(new Command(rows, errors, source, applyPublication));
    }

    public sealed class Handler(RegulationWriter writer) : IRequestHandler<Command, ImportReport>
    {
        public async Task<ImportReport> Handle(Command request, CancellationToken cancellationToken)
        {
            var agencies = await writer.AgenciesAsync(cancellationToken);
            var unknownAgencies = request.Rows
                .Where(r => !agencies.ContainsKey(r.Row.AgencyCode))
                .Select(r => (r.Line, Message: $"Dòng {r.Line}: {ImportColumns.Cell("agency")}: không có cơ quan mã \"{r.Row.AgencyCode}\"."));
            var unknownTags = new List<(int Line, string Message)>();
            foreach (var (line, row) in request.Rows)
            {
                unknownTags.AddRange((await writer.UnknownTagsAsync(row, cancellationToken)).Select(e => (line, $"Dòng {line}: {e}")));
            }
            var errors = request.FileErrors.Select(e => (Line: LineOf(e), Message: e))
                .Concat(unknownAgencies).Concat(unknownTags).OrderBy(e => e.Line).Select(e => e.Message).ToList();
            if (errors.Count > 0)
            {
                return ImportReport.Failed(errors);
            }

            var outcomes = new List<SaveOutcome>();
            foreach (var (_, imported) in request.Rows)
            {
                outcomes.Add(await writer.SaveAsync(imported, request.Source, cancellationToken, keepPublication: !request.ApplyPublication));
            }
            return new ImportReport(
                outcomes.Count(o => o == SaveOutcome.Created),
                outcomes.Count(o => o == SaveOutcome.Updated),
                outcomes.Count(o => o == SaveOutcome.Unchanged),
                []);
        }

        private static int LineOf(string error) =>
            System.Text.RegularExpressions.Regex.Match(error, @"^Dòng (\d+):") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
    }
}
