using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>The published record of a consultation's extensions and early closes, with their reasons.</summary>
public static class WindowChanges
{
    public sealed record Change(string Kind, string OnDay, string ClosesOnBefore, string ClosesOnAfter, string Reason);

    public sealed record Query(long Id) : IRequest<IReadOnlyList<Change>>;

    public sealed class Handler(Db db) : IRequestHandler<Query, IReadOnlyList<Change>>
    {
        public async Task<IReadOnlyList<Change>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Change>(db.Command(
                "select kind, on_day, closes_on_before, closes_on_after, reason from consultation_change where consultation_id = @Id order by id", request, cancellationToken))).ToList();
    }
}
