using Consult.Domain.Accounts;
using Consult.Domain.Import;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Import;

/// <summary>
/// Imports legal documents' details (title, issuer, dates, status) from CSV with the columns
/// number,type,title,issuer,issued_on,effective_on,expires_on,status; all or nothing.
/// </summary>
public static class ImportLegalDocuments
{
    public static readonly IReadOnlyList<string> Columns = ["number", "type", "title", "issuer", "issued_on", "effective_on", "expires_on", "status"];

    public sealed record Command(Stream Csv) : IRequest<ImportReport>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, ImportReport>
    {
        public async Task<ImportReport> Handle(Command request, CancellationToken cancellationToken)
        {
            var (table, readError) = CsvTable.Read(request.Csv);
            if (table is null)
            {
                return new ImportReport(0, 0, 0, [readError!]);
            }
            if (Columns.Where(c => table.ColumnIndex(c) < 0).ToList() is { Count: > 0 } missing)
            {
                return new ImportReport(0, 0, 0, [$"Dòng 1: thiếu cột {string.Join(", ", missing.Select(ImportColumns.Name))}."]);
            }

            var errors = new List<string>();
            var documents = new List<object>();
            foreach (var (line, cells) in table.Rows)
            {
                string Cell(string column) => VietnameseFolding.Compose(table.Cell(cells, column)).Trim();
                var number = Cell("number");
                if (!DocumentNumber.IsValid(number))
                {
                    errors.Add($"Dòng {line}: {ImportColumns.Cell("number")}: \"{number}\" không phải số hiệu văn bản.");
                    continue;
                }
                var type = DocumentNumber.InferType(number);
                if (Cell("type") is { Length: > 0 } typeText && !Enum.TryParse(typeText, ignoreCase: true, out type))
                {
                    errors.Add($"Dòng {line}: {ImportColumns.Cell("type")}: loại \"{typeText}\" không hợp lệ; dùng {string.Join(", ", Enum.GetNames<LegalDocumentType>())}.");
                }
                var status = Cell("status") is { Length: > 0 } s ? s : "unknown";
                if (!LegalDocumentStatuses.All.Contains(status))
                {
                    errors.Add($"Dòng {line}: {ImportColumns.Cell("status")}: trạng thái \"{status}\" không hợp lệ; dùng {string.Join(", ", LegalDocumentStatuses.All)}.");
                }
                string? Date(string column)
                {
                    var text = Cell(column);
                    if (text.Length == 0)
                    {
                        return null;
                    }
                    if (!IsoDate.TryRead(text, out var day))
                    {
                        errors.Add($"Dòng {line}: {ImportColumns.Cell(column)}: ngày \"{text}\" không hợp lệ; dùng dạng dd/mm/yyyy hoặc yyyy-mm-dd.");
                        return text;
                    }
                    return day.ToString(IsoDate.Pattern);
                }
                documents.Add(new
                {
                    number,
                    key = DocumentNumber.Key(number),
                    type = type.ToString(),
                    title = Cell("title"),
                    issuer = Cell("issuer"),
                    issuedOn = Date("issued_on"),
                    effectiveOn = Date("effective_on"),
                    expiresOn = Date("expires_on"),
                    status,
                });
            }
            if (errors.Count > 0)
            {
                return new ImportReport(0, 0, 0, errors);
            }
            var before = await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from legal_document", null, cancellationToken));
            ChangeSequence.Changed(db);
            await db.Connection.ExecuteAsync(db.Command(
                $"""
                insert into legal_document (number, number_key, doc_type, title, issuer, issued_on, effective_on, expires_on, status, change_seq)
                values (@number, @key, @type, @title, @issuer, @issuedOn, @effectiveOn, @expiresOn, @status, {ChangeSequence.Pending})
                on conflict (number_key) do update set number = excluded.number, doc_type = excluded.doc_type,
                    title = excluded.title, issuer = excluded.issuer, issued_on = excluded.issued_on,
                    effective_on = excluded.effective_on, expires_on = excluded.expires_on, status = excluded.status,
                    change_seq = excluded.change_seq
                """, documents, cancellationToken));
            var created = await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from legal_document", null, cancellationToken)) - before;
            await audit.RecordAsync(new AuditEntry("import", AuditLog.LegalDocument, "csv", $"{created} mới, {documents.Count - created} cập nhật"), cancellationToken);
            return new ImportReport(created, documents.Count - created, 0, []);
        }
    }
}
