using System.Text.Json;
using Consult.Domain.Accounts;
using Consult.Domain.EffortIndex;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>A reviewer publishes an ended period: its scores, inputs and methodology are frozen from then on.</summary>
public static class PublishPeriod
{
    public sealed record Command(string Period) : IRequest<string>, ICommand
    {
        public Permission Permission => Permission.HoldingRole(Roles.Reviewer);
    }

    public sealed class Handler(Db db, IndexService index, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var period = ReportingPeriod.Parse(request.Period) ?? throw new UserInputException("", "Kỳ đánh giá không hợp lệ.");
            if (period.End >= clock.Today())
            {
                throw new UserInputException("", $"{period.Label} chưa kết thúc; chỉ công bố kỳ đã kết thúc.");
            }
            if (await index.PublishedAsync(period, cancellationToken) is not null)
            {
                throw new UserInputException("", $"{period.Label} đã được công bố; kết quả không thay đổi nữa.");
            }
            var view = await index.ViewAsync(period, cancellationToken);
            await db.Connection.ExecuteAsync(db.Command(
                "insert into effort_period (period, methodology_version, published_at, published_by, snapshot) values (@Key, @version, @now, @userId, @snapshot)",
                new { period.Key, version = view.Snapshot.MethodologyVersion, now = clock.GetUtcNow(), userId = user.Id, snapshot = JsonSerializer.Serialize(view.Snapshot, IndexSnapshot.Json) }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("publish", "effort_index", period.Key, $"Phương pháp phiên bản {view.Snapshot.MethodologyVersion}; {view.Ranking.Count} cơ quan"), cancellationToken);
            return $"Đã công bố chỉ số {period.Label.ToLowerInvariant()}.";
        }
    }
}
