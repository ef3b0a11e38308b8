using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>Whether the signed-in reader follows a regulation, a consultation, an agency or a sector.</summary>
public static class FollowStatus
{
    public sealed record Query(string Target, long TargetId) : IRequest<bool>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, bool>
    {
        public Task<bool> Handle(Query request, CancellationToken cancellationToken) =>
            user.Id is null
                ? Task.FromResult(false)
                : db.Connection.ExecuteScalarAsync<bool>(db.Command(
                    "select exists (select 1 from follow where user_id = @userId and target = @Target and target_id = @TargetId)",
                    new { userId = user.Id, request.Target, request.TargetId }, cancellationToken));
    }
}
