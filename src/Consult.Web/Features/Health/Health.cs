using System.Data.Common;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Health;

/// <summary>Under "Health": how far this node's search index may trail the database before the node stops taking traffic.</summary>
public sealed class HealthOptions
{
    /// <summary>Regulations and legal documents saved but not yet searchable on this node.</summary>
    public long MaxSearchLag { get; set; } = 500;
}

/// <summary>Whether this node can serve: its database answers, every schema script is applied, its search has caught up.</summary>
public static class Readiness
{
    public sealed record Result(bool Database, bool Migrations, long? SearchLag, long MaxSearchLag)
    {
        public bool Ready => Database && Migrations && SearchLag <= MaxSearchLag;
    }

    public sealed record Query : IRequest<Result>;

    public sealed class Handler(Db db, SearchIndex index, IOptions<HealthOptions> options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            try
            {
                var applied = (await db.Connection.QueryAsync<string>(db.Command("select script from schema_version", null, cancellationToken))).ToHashSet();
                // Records saved since the index last caught up: regulations and legal documents it cannot find yet.
                var lag = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                    """
                    select (select count(*) from regulation where change_seq > @seq) + (select count(*) from legal_document where change_seq > @seq)
                    """, new { seq = index.IndexedSeq }, cancellationToken));
                return new Result(true, SchemaMigrator.Scripts(db.Storage).All(applied.Contains), lag, options.Value.MaxSearchLag);
            }
            catch (DbException)
            {
                return new Result(false, false, null, options.Value.MaxSearchLag);
            }
        }
    }
}

/// <summary>For the load balancer: <c>/health/live</c> while the process runs, <c>/health/ready</c> while it can serve.</summary>
public sealed class HealthController(IMediator mediator) : Controller
{
    [HttpGet("health/live")]
    public IActionResult Live() => Content("ok", "text/plain; charset=utf-8");

    [HttpGet("health/ready")]
    public async Task<IActionResult> Ready()
    {
        var result = await mediator.Send(new Readiness.Query());
        Response.Headers.CacheControl = "no-store";
        return StatusCode(result.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, new
        {
            status = result.Ready ? "ready" : "not-ready",
            database = result.Database,
            migrations = result.Migrations,
            searchLag = result.SearchLag,
            maxSearchLag = result.MaxSearchLag,
        });
    }
}
