using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>The agency's regulations, published or not, with the search page's filters.</summary>
public static class Overview
{
    public sealed record Query : IRequest<Result>
    {
        public string? Q { get; init; }
        public string? Kind { get; init; }
        public string? Status { get; init; }
        public string? Published { get; init; }
        public string? Sector { get; init; }
        public string? Page { get; init; }
        /// <summary>Reviewers pick an agency; staff always see their own.</summary>
        public string? Agency { get; init; }
    }

    /// <param name="Figure">The agency's (or the government's) figures, counted as on every public page.</param>
    public sealed record Result(Query Query, Search.Search.Result Regulations, AgencyRef? Agency, IReadOnlyList<AgencyRef> Agencies, bool CanEdit, bool CanPublish,
        RegistryFigure Figure);

    public sealed class Handler(IMediator mediator, RegistryFacts facts, RegistryFigures figures, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            // Counting the figures catches the facts up first, so the agencies below are as current as they are.
            var current = await figures.CurrentAsync(cancellationToken);
            var agency = user.IsStaff
                ? facts.Agencies.First(a => a.Id == user.AgencyId)
                : facts.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Agency, StringComparison.OrdinalIgnoreCase));
            var regulations = await mediator.Send(new Search.Search.Query
            {
                Q = request.Q,
                Kind = request.Kind,
                Status = request.Status,
                Published = request.Published,
                Sector = request.Sector,
                Page = request.Page,
                Agency = agency?.Code,
                Sort = "newest",
            }, cancellationToken);
            var canEdit = agency is not null && user.Holds(Roles.Editor, agency.Id);
            var canPublish = agency is not null && user.Holds(Roles.Lead, agency.Id);
            return new Result(request, regulations, agency, facts.Agencies, canEdit, canPublish, agency is null ? current.Government : current.Of(agency.Id));
        }
    }
}
