using Consult.Web.Infrastructure.Data;
using MediatR;

namespace Consult.Web.Features.Shared;

/// <summary>Every sector the registry knows, by name: what a form offers to tick instead of typing.</summary>
public sealed record SectorChoices : IRequest<IReadOnlyList<string>>
{
    public sealed class Handler(Db db) : IRequestHandler<SectorChoices, IReadOnlyList<string>>
    {
        public Task<IReadOnlyList<string>> Handle(SectorChoices request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(ReferenceData.Sectors(db.Connection, db.Transaction).Select(s => s.Name).ToList());
    }
}
