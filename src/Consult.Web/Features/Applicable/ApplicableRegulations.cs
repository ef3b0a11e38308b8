using Consult.Domain.Applicability;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Features.Plans;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Applicable;

/// <summary>
/// "Quy định áp dụng cho tôi": the regulations in force that apply to a business profile, each with its yearly cost to
/// that business (cost per case × the times a year it states, by default the estimate's frequency per subject), the
/// totals, and what is changing: open consultations and approved plans not yet carried out, with what they will save it.
/// </summary>
public static class ApplicableRegulations
{
    /// <summary>The profile as the URL carries it, so it can be shared; <see cref="Times"/> are <c>times[code]=n</c>.</summary>
    public sealed record Query : IRequest<Result>
    {
        /// <summary>VSIC codes, each value possibly a comma-separated list (<c>lines=4633,4634</c> or one per ticked box).</summary>
        public List<string> Lines { get; init; } = [];
        public string? Form { get; init; }
        public string? Size { get; init; }
        public string? Province { get; init; }
        public Dictionary<string, string> Times { get; init; } = [];
    }

    public sealed record Item
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Agency { get; init; } = "";
        public string? Stage { get; init; }
        public string? Inputs { get; init; }
        public long? ConsultationId { get; init; }
        public long? PlanId { get; init; }
        public string? CostAfter { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public RegulationKind KindValue => RegulationKinds.FromCode(Kind);
        public BusinessStage? StageValue => ProfileTerms.TryStage(Stage, out var stage) ? stage : null;
        public bool UnderConsultation => ConsultationId is not null;
        public bool InPlan => PlanId is not null;

        /// <summary>Null when the regulation has no cost estimate yet.</summary>
        public CostEstimate? Estimate { get; init; }
        /// <summary>How often this business complies in a year: what it said, else the estimate's frequency per subject.</summary>
        public decimal TimesPerYear { get; init; }
        public decimal YearlyCost => (Estimate?.CostPerCase ?? 0) * TimesPerYear;
        public decimal HoursPerYear => (Estimate?.HoursPerCase ?? 0) * TimesPerYear;
        /// <summary>What the approved plan saves this business a year once carried out.</summary>
        public decimal PlannedSaving { get; init; }
    }

    /// <param name="Errors">What is wrong with the profile, in Vietnamese; no items are listed then.</param>
    public sealed record Result(Query Query, BusinessProfile? Profile, IReadOnlyList<string> Errors, IReadOnlyList<Item> Items, BusinessReference.Lists Lists)
    {
        /// <summary>Times a year typed in a way that cannot be read: the estimate's frequency is used instead, and the page says so.</summary>
        public IReadOnlyList<string> Notices => [.. Query.Times
            .Where(t => Items.Any(i => i.Code == t.Key && i.Estimate is not null) && !ReadTimes(t.Value).HasValue)
            .Select(t => $"Số lần \"{t.Value}\" của {t.Key} không đọc được (cần một số từ 0 đến {VietnameseNumbers.Show(StandardCostModel.MaxFrequency)}); đang tính theo số lần của ước tính.")];

        public decimal YearlyCost => Items.Sum(i => i.YearlyCost);
        public decimal HoursPerYear => Items.Sum(i => i.HoursPerYear);
        public decimal PersonDaysPerYear => HoursPerYear / StandardCostModel.HoursPerPersonDay;
        public decimal PlannedSaving => Items.Sum(i => i.PlannedSaving);
        public int WithoutEstimate => Items.Count(i => i.Estimate is null);
    }

    private static decimal? ReadTimes(string? text) =>
        VietnameseNumbers.TryRead(text, out var n) && n >= 0 && n <= StandardCostModel.MaxFrequency ? n : null;

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IMediator mediator) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var lists = await mediator.Send(new BusinessReference.Query(), cancellationToken);
            var (profile, errors) = ProfileQuery.Read(request, lists);
            if (profile is null)
            {
                return new Result(request, null, errors, [], lists);
            }
            var lineTags = profile.Lines.SelectMany(l => VsicCode.AncestorsOrSelf(l, lists.SectionOfDivision)).Distinct().ToList();
            var rows = await db.Connection.QueryAsync<Item>(db.Command(
                $"""
                select r.id, r.code, r.kind, r.title, a.name agency, r.applies_stage stage, r.updated_at, c.inputs, pi.plan_id, pi.cost_after
                from regulation r
                join agency a on a.id = r.agency_id
                left join cost_estimate c on c.regulation_id = r.id
                left join plan_item pi on pi.id = (select i.id from plan_item i join plan p on p.id = i.plan_id
                    where i.regulation_id = r.id and p.status = 'approved' and i.executed_by is null order by p.year desc limit 1)
                where r.status = 'in_force' and {Visibility.Regulations}
                    and {Tagged("line", $"t.value {db.Storage.In("@lineTags")}")} and {Tagged("form", "t.value = @form", "@form is null")}
                    and {Tagged("size", "t.value = @size", "@size is null")} and {Tagged("province", "t.value = @Province", "@Province is null")}
                order by r.code
                """,
                user.Visibility.With(new
                {
                    lineTags,
                    form = profile.Form is { } f ? ProfileTerms.Code(f) : null,
                    size = profile.Size is { } s ? ProfileTerms.Code(s) : null,
                    profile.Province,
                }), cancellationToken));
            var consultations = await Consultations.UnderConsultation.AmongAsync(db, clock, rows.Select(r => r.Id).ToList(), cancellationToken);
            var items = rows.Select(row => Costed(row, request.Times) with { ConsultationId = consultations.TryGetValue(row.Id, out var c) ? c : null }).ToList();
            return new Result(request, profile, [], items, lists);
        }

        /// <summary>No tags of the dimension, or one that matches; a profile that leaves it empty (<paramref name="unless"/>) is not narrowed by it.</summary>
        private static string Tagged(string dimension, string match, string? unless = null) => $"""
            ({(unless is null ? "" : unless + " or ")}not exists (select 1 from regulation_applies t where t.regulation_id = r.id and t.dimension = '{dimension}')
                or exists (select 1 from regulation_applies t where t.regulation_id = r.id and t.dimension = '{dimension}' and {match}))
            """;

        private static Item Costed(Item row, IReadOnlyDictionary<string, string> times)
        {
            if (row.Inputs is null)
            {
                return row;
            }
            var inputs = CostJson.Read(row.Inputs);
            var estimate = StandardCostModel.Estimate(inputs);
            var timesPerYear = (times.TryGetValue(row.Code, out var text) ? ReadTimes(text) : null) ?? inputs.FrequencyPerYear;
            // An abolished regulation's cost after is stored as nothing (SavePlanItem), so the whole cost is saved.
            var saving = row.PlanId is null ? 0 : (estimate.CostPerCase - StandardCostModel.Estimate(CostJson.Read(row.CostAfter)).CostPerCase) * timesPerYear;
            return row with { Estimate = estimate, TimesPerYear = timesPerYear, PlannedSaving = saving };
        }
    }

    /// <summary>The file of <c>/applicable.csv</c>: one line per regulation and a closing line of totals.</summary>
    public static System.Text.StringBuilder Csv(Result result)
    {
        var csv = new System.Text.StringBuilder("code,kind,title,agency,stage,times_per_year,cost_per_case,yearly_cost,hours_per_year,under_consultation,in_approved_plan,planned_saving\r\n");
        foreach (var i in result.Items)
        {
            csv.Append(Domain.Import.Csv.ExportLine(
            [
                i.Code, RegulationKinds.Code(i.KindValue), i.Title, i.Agency, i.Stage ?? "", Number(i.TimesPerYear), Number(i.Estimate?.CostPerCase),
                Number(i.YearlyCost), Number(i.HoursPerYear), i.UnderConsultation ? "true" : "false", i.InPlan ? "true" : "false", Number(i.PlannedSaving),
            ]));
        }
        csv.Append(Domain.Import.Csv.ExportLine(["TỔNG", "", "", "", "", "", "", Number(result.YearlyCost), Number(result.HoursPerYear), "", "", Number(result.PlannedSaving)]));
        return csv;
    }

    /// <summary>The answer of <c>/api/v1/applicable</c>.</summary>
    public static object Json(Result result, BusinessProfile profile) => new
    {
        profile = new
        {
            lines = profile.Lines,
            form = profile.Form is { } f ? ProfileTerms.Code(f) : null,
            size = profile.Size is { } s ? ProfileTerms.Code(s) : null,
            province = profile.Province,
        },
        total = result.Items.Count,
        yearlyCost = result.YearlyCost,
        hoursPerYear = result.HoursPerYear,
        items = result.Items.Select(i => new
        {
            code = i.Code,
            kind = RegulationKinds.Code(i.KindValue),
            title = i.Title,
            agency = i.Agency,
            stage = i.Stage,
            yearlyCost = i.Estimate is null ? (decimal?)null : i.YearlyCost,
            underConsultation = i.UnderConsultation,
            inPlan = i.InPlan,
        }),
    };

    private static string Number(decimal? value) => value?.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
