using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>Creates or edits a legal document's record; a stale form is refused, never saved over a newer version.</summary>
public static class SaveLegalDocument
{
    public sealed record Command : IRequest<long>, ICommand
    {
        /// <summary>Null for a new document.</summary>
        public long? Id { get; init; }

        [Display(Name = "Số hiệu")]
        [Required(ErrorMessage = "Nhập số hiệu văn bản, ví dụ 105/2017/NĐ-CP.")]
        public string Number { get; init; } = "";

        [Display(Name = "Loại văn bản")]
        public string? DocType { get; init; }

        [Display(Name = "Trích yếu")]
        [Required(ErrorMessage = "Nhập trích yếu (tên) văn bản.")]
        [StringLength(1000, ErrorMessage = "Trích yếu dài quá 1.000 ký tự.")]
        public string Title { get; init; } = "";

        [Display(Name = "Cơ quan ban hành")]
        [StringLength(200, ErrorMessage = "Tên cơ quan ban hành dài quá 200 ký tự.")]
        public string? Issuer { get; init; }

        [Display(Name = "Ngày ban hành")] public string? IssuedOn { get; init; }
        [Display(Name = "Ngày có hiệu lực")] public string? EffectiveOn { get; init; }
        [Display(Name = "Ngày hết hiệu lực")] public string? ExpiresOn { get; init; }
        [Display(Name = "Tình trạng")] public string? Status { get; init; }

        /// <summary>The agency that maintains the record: the editor's own.</summary>
        public string? Agency { get => _agency.Length > 0 ? _agency : null; init => _agency = AgencyCode.Normalize(value); }

        /// <summary>Normalised as it is bound, so the permission is checked on the code that is written.</summary>
        private readonly string _agency = "";

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, agencies: [Agency ?? ""], documents: Id is { } id ? [id] : []);
    }

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var errors = new List<(string, string)>();
            var number = VietnameseFolding.Compose(request.Number).Trim();
            if (!DocumentNumber.IsValid(number))
            {
                errors.Add((nameof(Command.Number), $"\"{number}\" không phải số hiệu văn bản (ví dụ 105/2017/NĐ-CP)."));
            }
            var type = DocumentNumber.InferType(number);
            if (!string.IsNullOrEmpty(request.DocType) && !Enum.TryParse(request.DocType, out type))
            {
                errors.Add((nameof(Command.DocType), "Chọn loại văn bản trong danh sách."));
            }
            var status = string.IsNullOrEmpty(request.Status) ? "unknown" : request.Status;
            if (!LegalDocumentStatuses.All.Contains(status))
            {
                errors.Add((nameof(Command.Status), "Chọn tình trạng trong danh sách."));
            }
            string? Date(string field, string? text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }
                if (!IsoDate.TryRead(text, out var day))
                {
                    errors.Add((field, IsoDate.Invalid(text)));
                    return text.Trim();
                }
                return day.ToString(IsoDate.Pattern);
            }
            var values = new
            {
                request.Id,
                number,
                key = DocumentNumber.Key(number),
                type = type.ToString(),
                title = request.Title.Trim(),
                issuer = request.Issuer?.Trim() ?? "",
                issuedOn = Date(nameof(Command.IssuedOn), request.IssuedOn),
                effectiveOn = Date(nameof(Command.EffectiveOn), request.EffectiveOn),
                expiresOn = Date(nameof(Command.ExpiresOn), request.ExpiresOn),
                status,
                agency = request.Agency,
                request.ExpectedVersion,
            };
            var taken = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                "select id from legal_document where number_key = @key and (@Id is null or id <> @Id)", values, cancellationToken));
            if (taken is not null)
            {
                errors.Add((nameof(Command.Number), $"Văn bản số {number} đã có trên cổng."));
            }
            if (request.Id is null && string.IsNullOrEmpty(request.Agency))
            {
                // A document without an agency could never be edited again.
                errors.Add((nameof(Command.Agency), "Chọn cơ quan cập nhật văn bản."));
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            long id;
            ChangeSequence.Changed(db);
            if (request.Id is { } existing)
            {
                var updated = await db.Connection.ExecuteAsync(db.Command(
                    $"""
                    update legal_document set number = @number, number_key = @key, doc_type = @type, title = @title, issuer = @issuer,
                        issued_on = @issuedOn, effective_on = @effectiveOn, expires_on = @expiresOn, status = @status, version = version + 1,
                        change_seq = {ChangeSequence.Pending}
                    where id = @Id and version = @ExpectedVersion
                    """, values, cancellationToken));
                if (updated == 0)
                {
                    var stored = await db.Connection.ExecuteScalarAsync<int?>(db.Command("select version from legal_document where id = @Id", values, cancellationToken));
                    throw stored is null
                        ? new UserInputException("", "Văn bản không còn trên cổng.", StatusCodes.Status409Conflict)
                        : UserInputException.Stale("Văn bản", stored.Value, request.ExpectedVersion);
                }
                id = existing;
            }
            else
            {
                id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                    $"""
                    insert into legal_document (number, number_key, doc_type, title, issuer, issued_on, effective_on, expires_on, status, agency_id, change_seq)
                    values (@number, @key, @type, @title, @issuer, @issuedOn, @effectiveOn, @expiresOn, @status, (select id from agency where code = @agency),
                        {ChangeSequence.Pending})
                    returning id
                    """, values, cancellationToken));
            }
            await audit.RecordAsync(new AuditEntry(request.Id is null ? "create" : "update", AuditLog.LegalDocument, number, values.title)
            {
                AgencyId = await db.Connection.ExecuteScalarAsync<int?>(db.Command("select agency_id from legal_document where id = @id", new { id }, cancellationToken)),
                FromVersion = request.Id is null ? null : request.ExpectedVersion,
                ToVersion = request.Id is null ? 1 : request.ExpectedVersion + 1,
            }, cancellationToken);
            return id;
        }
    }
}
