using Consult.Domain.Plans;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Validation;
using Dapper;

namespace Consult.Web.Features.Plans;

/// <summary>Every change to a plan goes through here: the version the user saw is checked and the step is audited.</summary>
public sealed class PlanStore(Db db, AuditLog audit, TimeProvider clock)
{
    public const string AuditEntity = "plan";

    /// <summary>The plan as it is now, if the user's form was opened at this version and its status allows the step.</summary>
    public async Task<PlanHeader> CurrentAsync(long planId, int expectedVersion, Func<PlanStatus, bool> allows, string notNow, CancellationToken cancellationToken)
    {
        var plan = await PlanSheets.HeaderAsync(db, planId, cancellationToken) ?? throw new UserInputException("", "Phương án không còn trên cổng.");
        if (plan.Version != expectedVersion)
        {
            throw UserInputException.Stale("Phương án", plan.Version, expectedVersion);
        }
        return allows(plan.StatusValue) ? plan : throw new UserInputException("", notNow);
    }

    /// <summary>Records a step: the plan's version moves on, its status too when given, and the audit trail says who did what.</summary>
    public async Task StepAsync(PlanHeader plan, string action, string summary, PlanStatus? status, CancellationToken cancellationToken)
    {
        await db.Connection.ExecuteAsync(db.Command(
            "update plan set version = version + 1, updated_at = @now, status = coalesce(@status, status) where id = @Id",
            new { plan.Id, now = clock.GetUtcNow(), status = status is { } s ? PlanStatuses.Code(s) : null }, cancellationToken));
        await audit.RecordAsync(new AuditEntry(action, AuditEntity, plan.Id.ToString(), summary)
        {
            AgencyId = plan.AgencyId,
            FromVersion = plan.Version,
            ToVersion = plan.Version + 1,
        }, cancellationToken);
    }

    public DateOnly Today => clock.Today();
}
