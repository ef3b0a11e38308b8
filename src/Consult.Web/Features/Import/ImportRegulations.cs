using Consult.Domain.Import;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using MediatR;

namespace Consult.Web.Features.Import;

public sealed record ImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Imports regulations from CSV, all or nothing: one bad row rejects the whole file.</summary>
public static class ImportRegulations
{
    public sealed record Command(Stream Csv, string Source) : IRequest<ImportReport>, ICommand;

    public sealed class Handler(Db db, TimeProvider clock) : IRequestHandler<Command, ImportReport>
    {
        public Task<ImportReport> Handle(Command request, CancellationToken cancellationToken)
        {
            var (table, readError) = CsvTable.Read(request.Csv);
            if (table is null)
            {
                return Task.FromResult(Failed([readError!]));
            }
            var missing = RegulationRowParser.RequiredColumns.Where(c => table.ColumnIndex(c) < 0).ToList();
            var known = RegulationRowParser.RequiredColumns.Concat(RegulationRowParser.OptionalColumns).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = table.Header.Where(h => !known.Contains(h)).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
            {
                var errors = new List<string>();
                if (missing.Count > 0)
                {
                    errors.Add($"Dòng 1: thiếu cột {string.Join(", ", missing)}.");
                }
                if (unknown.Count > 0)
                {
                    errors.Add($"Dòng 1: cột không được hỗ trợ: {string.Join(", ", unknown)}.");
                }
                return Task.FromResult(Failed(errors));
            }

            var writer = new RegulationWriter(db.Connection, db.Transaction!, clock);
            var rows = new List<RegulationRow>(table.Rows.Count);
            var rowErrors = new List<string>();
            var seenCodes = new Dictionary<string, int>();
            foreach (var (line, cells) in table.Rows)
            {
                var (row, errors) = RegulationRowParser.Parse(column => table.Cell(cells, column));
                var messages = errors.ToList();
                if (row is not null && !writer.Agencies.ContainsKey(row.AgencyCode))
                {
                    messages.Add($"Cột agency: không có cơ quan mã \"{row.AgencyCode}\".");
                }
                if (row is not null && !seenCodes.TryAdd(RegulationCode.Key(row.Code), line))
                {
                    messages.Add($"Cột code: mã \"{row.Code}\" đã có ở dòng {seenCodes[RegulationCode.Key(row.Code)]}.");
                }
                rowErrors.AddRange(messages.Select(m => $"Dòng {line}: {m}"));
                if (row is not null && messages.Count == 0)
                {
                    rows.Add(row);
                }
            }
            if (rowErrors.Count > 0)
            {
                return Task.FromResult(Failed(rowErrors));
            }
            if (rows.Count == 0)
            {
                return Task.FromResult(Failed(["Tệp không có dòng dữ liệu nào."]));
            }

            var outcomes = rows.Select(r => writer.Save(r, request.Source)).ToList();
            return Task.FromResult(new ImportReport(
                outcomes.Count(o => o == SaveOutcome.Created),
                outcomes.Count(o => o == SaveOutcome.Updated),
                outcomes.Count(o => o == SaveOutcome.Unchanged),
                []));
        }

        private static ImportReport Failed(IReadOnlyList<string> errors) => new(0, 0, 0, errors);
    }
}
