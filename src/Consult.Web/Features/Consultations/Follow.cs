using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>A signed-in user follows, or stops following, a regulation, a consultation, an agency or a sector.</summary>
public static class Follow
{
    public static readonly IReadOnlyList<string> Targets = ["regulation", "consultation", "agency", "sector"];

    public sealed record Command(string Target, long TargetId, bool On) : IRequest<Unit>, ICommand
    {
        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!Targets.Contains(request.Target))
            {
                throw new UserInputException("", "Không theo dõi được nội dung này.");
            }
            await db.Connection.ExecuteAsync(db.Command(request.On
                    ? "insert into follow (user_id, target, target_id, created_at) values (@userId, @Target, @TargetId, @now) on conflict do nothing"
                    : "delete from follow where user_id = @userId and target = @Target and target_id = @TargetId",
                new { userId = user.Id, request.Target, request.TargetId, now = clock.GetUtcNow() }, cancellationToken));
            return Unit.Value;
        }
    }
}
