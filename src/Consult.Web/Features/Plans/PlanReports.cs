using System.Text;
using Consult.Domain.Import;
using Consult.Domain.Registry;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
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
            (await PlanSheets.LoadAsync(db, Approved, null, cancellationToken)).Where(p => request.Range.Contains(p.Plan.DecisionDate)).OrderBy(p => p.Plan.DecisionDate).ToList();

        public async Task<IReadOnlyList<ExecutedRow>> Handle(ExecutedQuery request, CancellationToken cancellationToken) =>
            (await PlanSheets.LoadAsync(db, Approved, null, cancellationToken))
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

    public static StringBuilder ApprovedCsv(IReadOnlyList<PlanSheet> plans)
    {
        var csv = new StringBuilder("agency,agency_name,decision_no,decision_date,regs_total,ycdk,cdbc,tcqc,ktcn_products,tthc,cam,docs_total,docs_luat,docs_phap_lenh,docs_nghi_dinh,docs_qd_ttcp,docs_thong_tu,docs_other\r\n");
        foreach (var p in plans)
        {
            csv.Append(string.Join(',', new[] { p.Plan.OriginCode, p.Plan.OriginName, p.Plan.DecisionNumber ?? "", p.Plan.DecisionDate ?? "" }.Select(Csv.ExportCell)))
                .Append(',').Append(string.Join(',', CountColumns(p.Counts, p.Documents))).Append("\r\n");
        }
        return csv.Append($"TONG,Tổng cộng ({plans.Count} quyết định),,,").Append(string.Join(',', Totals(plans.Select(p => CountColumns(p.Counts, p.Documents))))).Append("\r\n");
    }

    public static StringBuilder ExecutedCsv(IReadOnlyList<ExecutedRow> rows)
    {
        var csv = new StringBuilder("agency,agency_name,regs_total,ycdk,cdbc,tcqc,ktcn_products,tthc,cam,docs_total,docs_luat,docs_phap_lenh,docs_nghi_dinh,docs_qd_ttcp,docs_thong_tu,docs_other\r\n");
        foreach (var r in rows)
        {
            csv.Append(Csv.ExportCell(r.AgencyCode)).Append(',').Append(Csv.ExportCell(r.AgencyName))
                .Append(',').Append(string.Join(',', CountColumns(r.Counts, r.Documents))).Append("\r\n");
        }
        return csv.Append("TONG,Tổng cộng,").Append(string.Join(',', Totals(rows.Select(r => CountColumns(r.Counts, r.Documents))))).Append("\r\n");
    }

    /// <summary>Column sums of a report's count rows, for its total row.</summary>
    public static IReadOnlyList<int> Totals(IEnumerable<IEnumerable<int>> rows) =>
        rows.Aggregate((IReadOnlyList<int>)[.. CountColumns(KindCounts.Of([]), DocumentCounts.Of([])).Select(_ => 0)], (sum, row) => [.. sum.Zip(row, (a, b) => a + b)]);

    /// <summary>The count columns in the order of the government's tables.</summary>
    public static IEnumerable<int> CountColumns(KindCounts counts, DocumentCounts documents) =>
    [
        counts.Total, counts[RegulationKind.BusinessCondition], counts[RegulationKind.ReportingRegime], counts[RegulationKind.TechnicalStandard],
        counts[RegulationKind.SpecialisedInspection], counts[RegulationKind.AdministrativeProcedure], counts[RegulationKind.Prohibition],
        documents.Total, .. Enum.GetValues<DocumentColumn>().Select(c => documents[c]),
    ];
}
