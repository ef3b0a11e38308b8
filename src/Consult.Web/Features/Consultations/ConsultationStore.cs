using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Validation;
using Dapper;

namespace Consult.Web.Features.Consultations;

/// <summary>Every change to a consultation is checked against the version the user saw and audited.</summary>
public sealed class ConsultationStore(Db db, AuditLog audit)
{
    public const string AuditEntity = "consultation";

    public async Task<ConsultationHeader> CurrentAsync(long id, int expectedVersion, CancellationToken cancellationToken)
    {
        var header = await db.Connection.QuerySingleOrDefaultAsync<ConsultationHeader>(db.Command(
            "select id, agency_id, title, opens_on, closes_on, published, closed_on, version from consultation where id = @id", new { id }, cancellationToken))
            ?? throw new UserInputException("", "Đợt lấy ý kiến không còn trên cổng.");
        return header.Version == expectedVersion ? header : throw UserInputException.Stale("Đợt lấy ý kiến", header.Version, expectedVersion);
    }

    public async Task StepAsync(ConsultationHeader header, string action, string summary, CancellationToken cancellationToken)
    {
        await db.Connection.ExecuteAsync(db.Command("update consultation set version = version + 1 where id = @Id", header, cancellationToken));
        await audit.RecordAsync(new AuditEntry(action, AuditEntity, header.Id.ToString(), summary)
        {
            AgencyId = header.AgencyId,
            FromVersion = header.Version,
            ToVersion = header.Version + 1,
        }, cancellationToken);
    }
}
