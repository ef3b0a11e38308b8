using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>Loads a document's record into the form, for the staff of the agency that maintains it.</summary>
public static class EditLegalDocument
{
    public sealed record Query(long Id) : IRequest<SaveLegalDocument.Command?>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, SaveLegalDocument.Command?>
    {
        public async Task<SaveLegalDocument.Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            var document = await db.Connection.QuerySingleOrDefaultAsync<LegalDocuments.Details.Document>(db.Command(
                "select d.*, a.code agency_code from legal_document d left join agency a on a.id = d.agency_id where d.id = @Id",
                request, cancellationToken));
            if (document is null)
            {
                return null;
            }
            return user.Holds(Roles.Editor, document.AgencyId ?? 0)
                ? new SaveLegalDocument.Command
                {
                    Id = document.Id, Number = document.Number, DocType = document.DocType, Title = document.Title, Issuer = document.Issuer,
                    IssuedOn = document.IssuedOn, EffectiveOn = document.EffectiveOn, ExpiresOn = document.ExpiresOn, Status = document.Status,
                    Agency = document.AgencyCode, ExpectedVersion = document.Version,
                }
                : throw new ForbiddenException("Văn bản do cơ quan khác cập nhật.");
        }
    }
}
