using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>The consultations about one regulation, open ones first, for its page (<c>_RegulationConsultations.cshtml</c>).</summary>
public static class RegulationConsultations
{
    public sealed record Query(long RegulationId) : IRequest<IReadOnlyList<ConsultationSheet>>;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, IReadOnlyList<ConsultationSheet>>
    {
        public async Task<IReadOnlyList<ConsultationSheet>> Handle(Query request, CancellationToken cancellationToken) =>
            (await ConsultationSheets.LoadAsync(db, user, clock, options.Value,
                "(c.regulation_id = @RegulationId or exists (select 1 from consultation_item i where i.consultation_id = c.id and i.regulation_id = @RegulationId))",
                request, cancellationToken))
            .OrderBy(s => s.Status == Domain.Consultations.ConsultationStatus.Open ? 0 : 1).ToList();
    }
}
