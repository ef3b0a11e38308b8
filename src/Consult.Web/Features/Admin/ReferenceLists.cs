using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Admin;

/// <summary>
/// Agencies and sectors, maintained by administrators. A change bumps the registry's change sequence,
/// so every page's cached names catch up.
/// </summary>
public static partial class ReferenceLists
{
    public sealed record AgencyRow
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public int Regulations { get; init; }
        public int Staff { get; init; }
    }

    public sealed record SectorRow
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public int Regulations { get; init; }
    }

    public sealed record AgenciesQuery : IRequest<IReadOnlyList<AgencyRow>>;

    public sealed record SectorsQuery : IRequest<IReadOnlyList<SectorRow>>;

    public sealed record SaveAgency : IRequest<Unit>, ICommand
    {
        public int? Id { get; init; }

        [Display(Name = "Mã cơ quan")]
        [Required(ErrorMessage = "Nhập mã cơ quan, ví dụ BCT.")]
        public string? Code { get; init; }

        [Display(Name = "Tên cơ quan")]
        [Required(ErrorMessage = "Nhập tên cơ quan.")]
        [StringLength(200, ErrorMessage = "Tên cơ quan dài quá 200 ký tự.")]
        public string? Name { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed record SaveSector : IRequest<Unit>, ICommand
    {
        public int? Id { get; init; }

        [Display(Name = "Tên lĩnh vực")]
        [Required(ErrorMessage = "Nhập tên lĩnh vực.")]
        [StringLength(200, ErrorMessage = "Tên lĩnh vực dài quá 200 ký tự.")]
        public string? Name { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    [GeneratedRegex("^[A-Z0-9_-]{2,20}$")]
    private static partial Regex AgencyCode();

    public sealed class Handler(Db db, AuditLog audit) :
        IRequestHandler<AgenciesQuery, IReadOnlyList<AgencyRow>>,
        IRequestHandler<SectorsQuery, IReadOnlyList<SectorRow>>,
        IRequestHandler<SaveAgency, Unit>,
        IRequestHandler<SaveSector, Unit>
    {
        public async Task<IReadOnlyList<AgencyRow>> Handle(AgenciesQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<AgencyRow>(
                """
                select a.id, a.code, a.name,
                    (select count(*) from regulation r where r.agency_id = a.id) regulations,
                    (select count(*) from app_user u where u.agency_id = a.id) staff
                from agency a order by a.name
                """, transaction: db.Transaction)).ToList();

        public async Task<IReadOnlyList<SectorRow>> Handle(SectorsQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<SectorRow>(
                """
                select s.id, s.name, (select count(*) from regulation_sector rs where rs.sector_id = s.id) regulations
                from sector s order by s.name
                """, transaction: db.Transaction)).ToList();

        public async Task<Unit> Handle(SaveAgency request, CancellationToken cancellationToken)
        {
            var code = request.Code!.Trim().ToUpperInvariant();
            var name = VietnameseFolding.Compose(request.Name!).Trim();
            if (!AgencyCode().IsMatch(code))
            {
                throw new UserInputException(nameof(SaveAgency.Code), "Mã cơ quan gồm 2–20 chữ cái không dấu, chữ số, - hoặc _.");
            }
            if (await db.Connection.ExecuteScalarAsync<bool>(
                    "select exists (select 1 from agency where code = @code and (@Id is null or id <> @Id))", new { code, request.Id }, db.Transaction))
            {
                throw new UserInputException(nameof(SaveAgency.Code), $"Mã {code} đã dùng cho cơ quan khác.");
            }
            (string Code, string Name)? previous = null;
            if (request.Id is not null)
            {
                previous = await db.Connection.QuerySingleOrDefaultAsync<(string Code, string Name)?>(
                    "select code, name from agency where id = @Id", request, db.Transaction)
                    ?? throw new UserInputException("", "Cơ quan không còn trong danh sách.");
            }
            var id = await db.Connection.ExecuteScalarAsync<int>(
                request.Id is null
                    ? "insert into agency (code, name) values (@code, @name) returning id"
                    : "update agency set code = @code, name = @name where id = @Id returning id",
                new { code, name, request.Id }, db.Transaction);
            ChangeSequence.Changed(db);
            audit.Record(new AuditEntry(request.Id is null ? "create" : "update", AuditLog.Agency, code,
                previous is { } p ? $"{p.Code} – {p.Name} → {code} – {name}" : name) { AgencyId = id });
            return Unit.Value;
        }

        public async Task<Unit> Handle(SaveSector request, CancellationToken cancellationToken)
        {
            var name = VietnameseFolding.Compose(request.Name!).Trim();
            var key = VietnameseFolding.Fold(name).Trim();
            if (await db.Connection.ExecuteScalarAsync<bool>(
                    "select exists (select 1 from sector where name_key = @key and (@Id is null or id <> @Id))", new { key, request.Id }, db.Transaction))
            {
                throw new UserInputException(nameof(SaveSector.Name), $"Đã có lĩnh vực \"{name}\" (so sánh không phân biệt dấu).");
            }
            var previous = request.Id is null ? null : await db.Connection.ExecuteScalarAsync<string?>(
                "select name from sector where id = @Id", request, db.Transaction) ?? throw new UserInputException("", "Lĩnh vực không còn trong danh sách.");
            var id = await db.Connection.ExecuteScalarAsync<long>(
                request.Id is null
                    ? "insert into sector (name, name_key) values (@name, @key) returning id"
                    : "update sector set name = @name, name_key = @key where id = @Id returning id",
                new { name, key, request.Id }, db.Transaction);
            await ChangeSequence.SectorRenamedAsync(db, id);
            audit.Record(new AuditEntry(request.Id is null ? "create" : "update", AuditLog.Sector, name, previous is null ? "" : $"{previous} → {name}"));
            return Unit.Value;
        }
    }
}
