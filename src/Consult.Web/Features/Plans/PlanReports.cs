using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>The government's two tables, computed from the data: approved plans (Phụ lục 1 II) and executed cuts (Phụ lục 1 I).</summary>
public static class PlanReports
{
    /// <summary>Plans whose approving decision is dated in the range.</summary>
    public sealed record ApprovedQuery(DateRange Range) : IRequest<IReadOnlyList<PlanSheet>>;

    /// <summary>Per agency: the regulations whose cut is carried out, counted by kind, and the distinct documents that carried them out.</summary>
    public sealed record ExecutedRow(string AgencyCode, string AgencyName, KindCounts Counts, DocumentCounts Documents);

    /// <summary>Cuts carried out by documents issued in the range.</summary>
    public sealed record ExecutedQuery(DateRange Range) : IRequest<IReadOnlyList<ExecutedRow>>;

    private const string Approved = "p.status in ('approved', 'in_execution', 'executed')";

    public sealed class Handler(Db db) : IRequestHandler<ApprovedQuery, IReadOnlyList<PlanSheet>>, IRequestHandler<ExecutedQuery, IReadOnlyList<ExecutedRow>>
    {
        public async Task<IReadOnlyList<PlanSheet>> Handle(ApprovedQuery request, CancellationToken cancellationToken) =>
            (await PlanSheets.LoadAsync(db, Approved)).Where(p => request.Range.Contains(p.Plan.DecisionDate)).OrderBy(p => p.Plan.DecisionDate).ToList();

        public async Task<IReadOnlyList<ExecutedRow>> Handle(ExecutedQuery request, CancellationToken cancellationToken) =>
            (await PlanSheets.LoadAsync(db, Approved))
                .GroupBy(p => (AgencyCode: p.Plan.OriginCode, AgencyName: p.Plan.OriginName))
                .Select(g =>
                {
                    var executed = g.SelectMany(p => p.Items).Where(i => i.Row.ExecutedBy is not null && request.Range.Contains(i.Row.ExecutedOn)).ToList();
                    return new ExecutedRow(g.Key.AgencyCode, g.Key.AgencyName,
                        KindCounts.Of(executed.Select(i => (i.Row.KindValue, i.Row.Products))),
                        DocumentCounts.Of(executed.Select(i => (i.Row.ExecutedBy!, Domain.Text.DocumentNumber.InferType(i.Row.ExecutedBy!)))));
                })
                .Where(r => r.Counts.Total > 0)
                .OrderBy(r => r.AgencyName)
                .ToList();
    }
}
