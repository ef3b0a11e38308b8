using Consult.Domain.Accounts;
using Consult.Domain.Applicability;
using Consult.Domain.Import;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Applicable;

/// <summary>
/// An administrator adds the finer VSIC levels (groups, classes, subclasses) from a CSV in the shipped file's format,
/// <c>code,name,parent</c> (parent may be left empty: it is the code less its last digit). All rows or none.
/// </summary>
public static class ImportLines
{
    public sealed record Command(Stream Csv) : IRequest<int>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (table, error) = CsvTable.Read(request.Csv);
            if (table is null)
            {
                throw new UserInputException("", error ?? "Không đọc được tệp CSV.");
            }
            if (table.ColumnIndex("code") < 0 || table.ColumnIndex("name") < 0)
            {
                throw new UserInputException("", "Tệp cần có dòng tiêu đề với các cột code, name (và parent nếu muốn).");
            }
            var known = (await db.Connection.QueryAsync<string>(db.Command("select code from vsic_line", null, cancellationToken))).ToHashSet();
            var lines = new List<VsicLine>();
            var errors = new List<string>();
            foreach (var record in table.Rows)
            {
                var code = VsicCode.Normalize(table.Cell(record.Fields, "code"));
                var name = VietnameseFolding.Compose(table.Cell(record.Fields, "name")).Trim();
                var parent = VsicCode.Normalize(table.Cell(record.Fields, "parent")) is { Length: > 0 } p ? p : code.Length > 2 ? code[..^1] : "";
                if (!VsicCode.IsValid(code) || code.Length < 3)
                {
                    errors.Add($"Dòng {record.Line}: {ImportColumns.Cell("code")}: \"{code}\" không phải mã nhóm, ngành cấp 3–5 (3 đến 5 chữ số; cấp 1 và 2 đã có sẵn).");
                }
                else if (name.Length is 0 or > 300)
                {
                    errors.Add($"Dòng {record.Line}: {ImportColumns.Cell("name")}: cần tên ngành, tối đa 300 ký tự.");
                }
                else if (parent != code[..^1] || !(known.Contains(parent) || lines.Any(l => l.Code == parent)))
                {
                    errors.Add($"Dòng {record.Line}: ngành cha của {code} phải là {code[..^1]} và có trong danh mục hoặc ở dòng trên.");
                }
                else
                {
                    lines.Add(new VsicLine(code, name, parent));
                }
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors.Select(e => ("", e)).ToList());
            }
            await WriteAsync(db, lines, cancellationToken);
            return lines.Count;
        }
    }

    /// <summary>Adds lines or renames those already there; a line is never taken away (regulations may be tagged with it).</summary>
    public static Task WriteAsync(Db db, IEnumerable<VsicLine> lines, CancellationToken cancellationToken) => db.Connection.ExecuteAsync(db.Command(
        """
        insert into vsic_line (code, name, name_key, parent_code) values (@Code, @Name, @key, @ParentCode)
        on conflict (code) do update set name = excluded.name, name_key = excluded.name_key
        """, lines.Select(l => new { l.Code, l.Name, key = VietnameseFolding.Fold(l.Name), l.ParentCode }), cancellationToken));
}
