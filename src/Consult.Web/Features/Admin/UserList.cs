using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Admin;

/// <summary>Accounts with their roles and agency, filtered and paged, as administrators see them.</summary>
public static class UserList
{
    public const int PageSize = 50;

    public sealed record Query : IRequest<Result>
    {
        public string? Q { get; init; }
        public string? Role { get; init; }
        public string? Agency { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string UserKind { get; init; } = "";
        public string? AgencyCode { get; init; }
        public string Roles { get; init; } = "";
        public DateTimeOffset? LockoutEnd { get; init; }
        public bool IsLocked { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<Row> Users, bool HasMore);

    public sealed class Handler(Db db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Q))
            {
                where.Add("(u.normalized_email like '%' || upper(@Q) || '%' or lower(u.display_name) like '%' || lower(@Q) || '%')");
            }
            if (!string.IsNullOrWhiteSpace(request.Role))
            {
                where.Add("exists (select 1 from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = u.id and r.name = @Role)");
            }
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            var page = Math.Max(1, request.Page);
            var rows = (await db.Connection.QueryAsync<Row>(db.Command(
                $"""
                select u.id, u.email, u.display_name, u.user_kind, a.code agency_code, u.lockout_end,
                    coalesce((select string_agg(r.name, ', ') from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = u.id), '') roles
                from app_user u left join agency a on a.id = u.agency_id
                where {string.Join(" and ", where)}
                order by u.email limit @Take offset @Skip
                """, new { request.Q, request.Role, request.Agency, Take = PageSize + 1, Skip = (page - 1) * PageSize }, cancellationToken))).ToList();
            var now = clock.GetUtcNow();
            return new Result(request with { Page = page }, [.. rows.Take(PageSize).Select(r => r with { IsLocked = r.LockoutEnd > now })], rows.Count > PageSize);
        }
    }
}
