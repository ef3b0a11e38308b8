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

public sealed record VsicLine(string Code, string Name, string? ParentCode);

public sealed record Province(string Code, string Name, string Predecessors);

/// <summary>The lists a business describes itself with: VSIC business lines and today's provinces.</summary>
public static class BusinessReference
{
    public const string VsicFile = "db/reference/vsic.csv";
    public const string ProvinceFile = "db/reference/provinces.csv";

    /// <summary>Sections and divisions, and the provinces, from the shipped files; lines administrators imported stay.</summary>
    public static async Task SeedAsync(Db db)
    {
        await ImportLines.WriteAsync(db, Read(VsicFile, r => new VsicLine(r("code"), r("name"), NullIfEmpty(r("parent")))));
        await db.Connection.ExecuteAsync(
            """
            insert into province (code, name, predecessors) values (@Code, @Name, @Predecessors)
            on conflict (code) do update set name = excluded.name, predecessors = excluded.predecessors
            """, Read(ProvinceFile, r => new Province(r("code"), r("name"), r("predecessors"))), db.Transaction);
    }

    private static List<T> Read<T>(string file, Func<Func<string, string>, T> row)
    {
        var (table, error) = CsvTable.Read(Infrastructure.Data.SchemaMigrator.EmbeddedStream(file));
        return table?.Rows.Select(r => row(column => table.Cell(r.Fields, column) ?? "")).ToList() ?? throw new InvalidOperationException(error);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Every business line and province, with the lookup a line's ancestors need.</summary>
    public sealed record Lists(IReadOnlyList<VsicLine> Lines, IReadOnlyList<Province> Provinces)
    {
        private readonly Dictionary<string, VsicLine> _byCode = Lines.ToDictionary(l => l.Code);

        public VsicLine? Line(string code) => _byCode.GetValueOrDefault(code);

        public string? SectionOfDivision(string division) => Line(division)?.ParentCode;

        /// <summary>Lines whose code starts with, or whose name contains, what was typed (with or without marks).</summary>
        public IReadOnlyList<VsicLine> Find(string? typed, int max)
        {
            var text = VsicCode.Normalize(typed);
            if (text.Length == 0)
            {
                return [];
            }
            var folded = VietnameseFolding.Fold(typed).Trim();
            return Lines.Where(l => l.Code.StartsWith(text, StringComparison.Ordinal) || VietnameseFolding.Fold(l.Name).Contains(folded, StringComparison.Ordinal))
                .OrderBy(l => l.Code.StartsWith(text, StringComparison.Ordinal) ? 0 : 1).ThenBy(l => l.Code.Length).ThenBy(l => l.Code, StringComparer.Ordinal)
                .Take(max).ToList();
        }
    }

    public sealed record Query : IRequest<Lists>;

    /// <summary>The provinces alone, for pickers that need no business lines.</summary>
    public sealed record ProvinceQuery : IRequest<IReadOnlyList<Province>>;

    public sealed class Handler(Db db) : IRequestHandler<Query, Lists>, IRequestHandler<ProvinceQuery, IReadOnlyList<Province>>
    {
        public async Task<Lists> Handle(Query request, CancellationToken cancellationToken) => new(
            (await db.Connection.QueryAsync<VsicLine>("select code, name, parent_code from vsic_line order by code", transaction: db.Transaction)).ToList(),
            await Handle(new ProvinceQuery(), cancellationToken));

        public async Task<IReadOnlyList<Province>> Handle(ProvinceQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Province>("select code, name, predecessors from province order by code", transaction: db.Transaction)).ToList();
    }
}

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
            var known = (await db.Connection.QueryAsync<string>("select code from vsic_line", transaction: db.Transaction)).ToHashSet();
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
            await WriteAsync(db, lines);
            return lines.Count;
        }
    }

    /// <summary>Adds lines or renames those already there; a line is never taken away (regulations may be tagged with it).</summary>
    public static Task WriteAsync(Db db, IEnumerable<VsicLine> lines) => db.Connection.ExecuteAsync(
        """
        insert into vsic_line (code, name, name_key, parent_code) values (@Code, @Name, @key, @ParentCode)
        on conflict (code) do update set name = excluded.name, name_key = excluded.name_key
        """, lines.Select(l => new { l.Code, l.Name, key = VietnameseFolding.Fold(l.Name), l.ParentCode }), db.Transaction);
}
