using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Calendar;

/// <summary>An administrator removes a day recorded by mistake; deadlines count it as an ordinary day again.</summary>
public static class RemoveCalendarDay
{
    public sealed record Command(string Day) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed class Handler(Db db, AuditLog audit) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var name = await db.Connection.ExecuteScalarAsync<string?>(db.Command(
                "delete from calendar_day where day = @Day returning name", request, cancellationToken))
                ?? throw new UserInputException("", "Ngày này không còn trong lịch.");
            await audit.RecordAsync(new AuditEntry("delete", CalendarDays.Entity, request.Day, name), cancellationToken);
            return Unit.Value;
        }
    }
}
