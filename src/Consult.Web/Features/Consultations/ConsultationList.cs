using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>Consultations the reader may see, filtered by status and agency.</summary>
public static class ConsultationList
{
    public sealed record Query : IRequest<Result>
    {
        public string? Status { get; init; }
        public string? Agency { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<ConsultationSheet> Consultations, bool CanCreate);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (request.Status == ConsultationStatuses.Code(ConsultationStatus.Open))
            {
                // The home page asks for these on every visit: read only windows that can be open today.
                where.Add("c.published = true and c.closed_on is null and c.opens_on <= @today and @today <= c.closes_on");
            }
            var sheets = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, string.Join(" and ", where),
                new { request.Agency, today = clock.Today().ToString(Domain.Text.IsoDate.Pattern) }, cancellationToken);
            var filtered = sheets.Where(s => string.IsNullOrWhiteSpace(request.Status) || ConsultationStatuses.Code(s.Status) == request.Status).ToList();
            return new Result(request, filtered, user.IsIn(Roles.Lead));
        }
    }

    /// <summary>The answer of <c>/api/v1/consultations</c>.</summary>
    public static object Json(Result result) => new { items = result.Consultations.Select(s => ConsultationDetails.Json(s)) };
}
