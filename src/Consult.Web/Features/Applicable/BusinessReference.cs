using Consult.Domain.Applicability;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
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
    public static async Task SeedAsync(Db db, CancellationToken cancellationToken)
    {
        await ImportLines.WriteAsync(db, Read(VsicFile, r => new VsicLine(r("code"), r("name"), NullIfEmpty(r("parent")))), cancellationToken);
        await db.Connection.ExecuteAsync(db.Command(
            """
            insert into province (code, name, predecessors) values (@Code, @Name, @Predecessors)
            on conflict (code) do update set name = excluded.name, predecessors = excluded.predecessors
            """, Read(ProvinceFile, r => new Province(r("code"), r("name"), r("predecessors"))), cancellationToken));
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
            (await db.Connection.QueryAsync<VsicLine>(db.Command("select code, name, parent_code from vsic_line order by code", null, cancellationToken))).ToList(),
            await Handle(new ProvinceQuery(), cancellationToken));

        public async Task<IReadOnlyList<Province>> Handle(ProvinceQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Province>(db.Command("select code, name, predecessors from province order by code", null, cancellationToken))).ToList();
    }
}
