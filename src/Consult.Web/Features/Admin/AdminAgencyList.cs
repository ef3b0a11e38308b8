using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Admin;

/// <summary>Every agency with how many regulations and staff accounts it has, for administrators.</summary>
public static class AdminAgencyList
{
    public sealed record Row
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public int Regulations { get; init; }
        public int Staff { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(Db db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Row>(db.Command(
                """
                select a.id, a.code, a.name,
                    (select count(*) from regulation r where r.agency_id = a.id) regulations,
                    (select count(*) from app_user u where u.agency_id = a.id) staff
                from agency a order by a.name
                """, null, cancellationToken))).ToList();
    }
}
