using Consult.Domain.History;
using Consult.Web.Infrastructure.Security;
using MediatR;

namespace Consult.Web.Features.Regulations;

/// <summary>What one saved version changed, field by field and word by word, against the version before it.</summary>
public static class VersionChanges
{
    public sealed record Query(string Code, int Version) : IRequest<Result?>;

    public sealed record FieldChange(string Label, IReadOnlyList<DiffPart> Parts);

    public sealed record Result(string Code, string Title, int Version, int LatestVersion, DateTimeOffset SavedAt, string SavedBy, IReadOnlyList<FieldChange> Changes);

    public sealed class Handler(RegulationReader reader, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var current = await reader.CurrentAsync(request.Code, cancellationToken);
            if (current is null || !user.Sees(current.Published, current.AgencyId)
                || await reader.WithPreviousAsync(request.Code, request.Version, cancellationToken) is not var (version, previous))
            {
                return null;
            }
            var after = version.Snapshot.Fields();
            var before = previous?.Snapshot.Fields();
            var changes = after
                .Select((field, i) => (field.Label, Before: before?[i].Value ?? "", After: field.Value))
                .Where(f => f.Before != f.After)
                .Select(f => new FieldChange(f.Label, TextDiff.Words(f.Before, f.After)))
                .ToList();
            return new Result(current.Snapshot.Code, version.Snapshot.Title, version.Version, current.Version, version.SavedAt, version.SavedBy, changes);
        }
    }
}
