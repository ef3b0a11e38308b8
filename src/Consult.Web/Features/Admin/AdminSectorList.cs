using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Admin;

/// <summary>Every sector with how many regulations it covers, for administrators.</summary>
public static class AdminSectorList
{
    public sealed record Row
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public int Regulations { get; init; }
    }

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(Db db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Row>(db.Command(
                """
                select s.id, s.name, (select count(*) from regulation_sector rs where rs.sector_id = s.id) regulations
                from sector s order by s.name
                """, null, cancellationToken))).ToList();
    }
}
