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

/// <summary>An administrator adds an agency or corrects its code and name.</summary>
public static partial class SaveAgency
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public int? Id { get; init; }

        [Display(Name = "Mã cơ quan")]
        [Required(ErrorMessage = "Nhập mã cơ quan, ví dụ BCT.")]
        public string Code { get; init; } = "";

        [Display(Name = "Tên cơ quan")]
        [Required(ErrorMessage = "Nhập tên cơ quan.")]
        [StringLength(200, ErrorMessage = "Tên cơ quan dài quá 200 ký tự.")]
        public string Name { get; init; } = "";

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    [GeneratedRegex("^[A-Z0-9_-]{2,20}$")]
    private static partial Regex AgencyCode();

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var code = request.Code.Trim().ToUpperInvariant();
            var name = VietnameseFolding.Compose(request.Name).Trim();
            if (!AgencyCode().IsMatch(code))
            {
                throw new UserInputException(nameof(Command.Code), "Mã cơ quan gồm 2–20 chữ cái không dấu, chữ số, - hoặc _.");
            }
            if (await db.Connection.ExecuteScalarAsync<bool>(db.Command(
                    "select exists (select 1 from agency where code = @code and (@Id is null or id <> @Id))", new { code, request.Id }, cancellationToken)))
            {
                throw new UserInputException(nameof(Command.Code), $"Mã {code} đã dùng cho cơ quan khác.");
            }
            (string Code, string Name)? previous = null;
            if (request.Id is not null)
            {
                previous = await db.Connection.QuerySingleOrDefaultAsync<(string Code, string Name)?>(db.Command(
                    "select code, name from agency where id = @Id", request, cancellationToken))
                    ?? throw new UserInputException("", "Cơ quan không còn trong danh sách.");
            }
            var id = await db.Connection.ExecuteScalarAsync<int>(db.Command(
                request.Id is null
                    ? "insert into agency (code, name) values (@code, @name) returning id"
                    : "update agency set code = @code, name = @name where id = @Id returning id",
                new { code, name, request.Id }, cancellationToken));
            ChangeSequence.Changed(db);
            await audit.RecordAsync(new AuditEntry(request.Id is null ? "create" : "update", AuditLog.Agency, code,
                previous is { } p ? $"{p.Code} – {p.Name} → {code} – {name}" : name) { AgencyId = id }, cancellationToken);
            return Unit.Value;
        }
    }
}
