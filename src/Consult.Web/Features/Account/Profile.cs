using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Account;

/// <summary>What the signed-in user's account says about them.</summary>
public static class Profile
{
    public sealed record Query : IRequest<Result>;

    public sealed record Result
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string UserKind { get; init; } = "";
        public string? TaxCode { get; init; }
        public string? AgencyName { get; init; }
        public IReadOnlyList<string> Roles { get; init; } = [];
        public string KindLabel => UserKinds.TryParse(UserKind, out var kind) ? UserKinds.Label(kind) : UserKind;
    }

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var result = await db.Connection.QuerySingleAsync<Result>(db.Command(
                """
                select u.email, u.display_name, u.user_kind, u.tax_code, a.name agency_name
                from app_user u left join agency a on a.id = u.agency_id where u.id = @Id
                """, new { user.Id }, cancellationToken));
            var roles = await db.Connection.QueryAsync<string>(db.Command(
                "select r.name from user_role ur join app_role r on r.id = ur.role_id where ur.user_id = @Id order by r.id", new { user.Id }, cancellationToken));
            return result with { Roles = roles.ToList() };
        }
    }
}
