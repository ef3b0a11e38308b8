using Consult.Web.Infrastructure.Data;
using MediatR;

namespace Consult.Web.Features.Shared;

/// <summary>Every sector the registry knows, by name: what a form offers to tick instead of typing.</summary>
public sealed record SectorChoices : IRequest<IReadOnlyList<string>>
{
    public sealed class Handler(Db db) : IRequestHandler<SectorChoices, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(SectorChoices request, CancellationToken cancellationToken) =>
            (await ReferenceData.SectorsAsync(db, cancellationToken)).Select(s => s.Name).ToList();
    }
}
