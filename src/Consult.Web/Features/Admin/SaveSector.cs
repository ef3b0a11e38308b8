using System.ComponentModel.DataAnnotations;
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

/// <summary>An administrator adds a sector or renames it; names are unique whatever their diacritics.</summary>
public static class SaveSector
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public int? Id { get; init; }

        [Display(Name = "Tên lĩnh vực")]
        [Required(ErrorMessage = "Nhập tên lĩnh vực.")]
        [StringLength(200, ErrorMessage = "Tên lĩnh vực dài quá 200 ký tự.")]
        public string Name { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var name = VietnameseFolding.Compose(request.Name).Trim();
            var key = VietnameseFolding.Fold(name).Trim();
            if (await db.Connection.ExecuteScalarAsync<bool>(db.Command(
                    "select exists (select 1 from sector where name_key = @key and (@Id is null or id <> @Id))", new { key, request.Id }, cancellationToken)))
            {
                throw new UserInputException(nameof(Command.Name), $"Đã có lĩnh vực \"{name}\" (so sánh không phân biệt dấu).");
            }
            var previous = request.Id is null ? null : await db.Connection.ExecuteScalarAsync<string?>(db.Command(
                "select name from sector where id = @Id", request, cancellationToken)) ?? throw new UserInputException("", "Lĩnh vực không còn trong danh sách.");
            var id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                request.Id is null
                    ? "insert into sector (name, name_key) values (@name, @key) returning id"
                    : "update sector set name = @name, name_key = @key where id = @Id returning id",
                new { name, key, request.Id }, cancellationToken));
            await ChangeSequence.SectorRenamedAsync(db, id, cancellationToken);
            await audit.RecordAsync(new AuditEntry(request.Id is null ? "create" : "update", AuditLog.Sector, name, previous is null ? "" : $"{previous} → {name}"), cancellationToken);
            return Unit.Value;
        }
    }
}
