using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Account;

/// <summary>The signed-in user's notifications, newest first; opening the page marks them read.</summary>
public static class Notifications
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    public sealed record Item
    {
        public long Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string Text { get; init; } = "";
        public string Url { get; init; } = "";
        public string? ReadAt { get; init; }
        public bool Unread => ReadAt is null;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var items = (await db.Connection.QueryAsync<Item>(db.Command(
                "select id, created_at, text, url, read_at from notification where user_id = @Id order by id desc limit 200", new { user.Id }, cancellationToken))).ToList();
            await db.Connection.ExecuteAsync(db.Command("update notification set read_at = @now where user_id = @Id and read_at is null",
                new { user.Id, now = clock.GetUtcNow() }, cancellationToken));
            return items;
        }
    }
}
