using Consult.Domain.Accounts;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>Loads a regulation's current version into the form.</summary>
public static class EditRegulation
{
    public sealed record Query(string Code) : IRequest<SaveRegulation.Command?>;

    public sealed class Handler(RegulationReader reader, CurrentUser user) : IRequestHandler<Query, SaveRegulation.Command?>
    {
        public async Task<SaveRegulation.Command?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await reader.CurrentAsync(request.Code, cancellationToken) is not { } current)
            {
                return null;
            }
            return user.Holds(Roles.Editor, current.AgencyId)
                ? SaveRegulation.Command.From(current.Snapshot, current.Version) with { Published = current.Published }
                : throw new ForbiddenException("Quy định của cơ quan khác.");
        }
    }
}
