using System.Globalization;
using System.Text.Json;
using Consult.Domain.Consultations;
using Consult.Domain.EffortIndex;
using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Features.Calendar;
using Consult.Web.Features.Consultations;
using Consult.Web.Features.Plans;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Dapper;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.EffortIndex;

/// <summary>One record behind a number: what it is, where to see it, and its amount when the number is a sum.</summary>
/// <param name="Regulation">The regulation the record is about, if any: shown only to readers who may see it.</param>
public sealed record Evidence(string Label, string Url, decimal Amount = 1, string? Regulation = null);

/// <summary>An indicator's numerator and denominator with the records that make them up.</summary>
public sealed record IndicatorEvidence(string Key, decimal Numerator, decimal Denominator, IReadOnlyList<Evidence> NumeratorRecords, IReadOnlyList<Evidence> DenominatorRecords)
{
    public IndicatorInput Input => new(Key, Numerator, Denominator);
}

/// <summary>The four figures of the seed's dashboard, at one date.</summary>
public sealed record Panel(int Regulations, int Documents, int Sectors, decimal Cost);

public sealed record AgencyIndex(string Code, string Name, IReadOnlyList<IndicatorEvidence> Indicators, Panel Panel, Panel PreviousPanel, IReadOnlyDictionary<string, int> ByKind);

/// <summary>Everything a period's index is made of; what a publication freezes.</summary>
public sealed record IndexSnapshot(string Period, int MethodologyVersion, Methodology Methodology, DateOnly AsOf, IReadOnlyList<AgencyIndex> Agencies, Panel Government, Panel PreviousGovernment)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// Computes every agency's indicators for a period from the registry as it stood at the period's end (the last version
/// saved by then), the plans, the consultations and the cost estimates dated up to then.
/// </summary>
public sealed class IndexCalculator(Db db, VersionFacts versions, CostEstimateStore costs, IOptions<ConsultationOptions> consultationOptions)
{
    /// <summary>The registry at three moments: as of a day (each regulation's last version saved by then), its first versions, and a year earlier.</summary>
    private sealed record States(List<RegulationFacts> AsOf, List<RegulationFacts> Baseline, List<RegulationFacts> YearBefore);

    private sealed record VersionRow
    {
        public long RegulationId { get; init; }
        public int? Latest { get; init; }
        public int? First { get; init; }
        public int? YearBefore { get; init; }
    }

    private static string Utc(DateOnly lastDay) => VietnamTime.EndOfDayUtc(lastDay);

    private async Task<States> StatesAsync(DateOnly asOf, DateOnly yearBefore)
    {
        var rows = (await db.Connection.QueryAsync<VersionRow>(
            """
            select regulation_id,
                max(case when saved_at < @until then version end) latest,
                min(case when saved_at < @until then version end) first,
                max(case when saved_at < @previous then version end) year_before
            from regulation_version group by regulation_id
            """, new { until = Utc(asOf), previous = Utc(yearBefore) }, db.Transaction)).ToList();
        var keys = rows.SelectMany(r => new[] { r.Latest, r.First, r.YearBefore }.OfType<int>().Select(v => (r.RegulationId, v))).ToHashSet();
        var facts = await versions.LoadAsync(db, keys, CancellationToken.None);
        List<RegulationFacts> At(Func<VersionRow, int?> version) =>
            [.. rows.Where(r => version(r) is not null).Select(r => facts[(r.RegulationId, version(r)!.Value)])];
        return new States(At(r => r.Latest), At(r => r.First), At(r => r.YearBefore));
    }

    private async Task<Dictionary<long, CostEstimate>> EstimatesAsync(DateOnly lastDay) =>
        (await costs.AsOfAsync(Utc(lastDay), CancellationToken.None)).ToDictionary(e => e.RegulationId, e => StandardCostModel.Estimate(CostJson.Read(e.Inputs)));

    /// <summary>The public figures of some regulations in force, counted as <see cref="RegistryFigures"/> counts them now.</summary>
    private static Panel PanelOf(IEnumerable<RegulationFacts> inForce, IReadOnlyDictionary<long, CostEstimate> estimates, IReadOnlyDictionary<string, LegalDocumentType> documentTypes)
    {
        var published = inForce.Where(r => r.Published).ToList();
        return new Panel(
            published.Sum(r => r.Weight),
            published.SelectMany(r => r.Documents).Distinct()
                .Count(key => documentTypes.TryGetValue(key, out var type) && LegalDocumentTypes.IsNormative(type)),
            published.SelectMany(r => r.Sectors).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            published.Sum(r => estimates.TryGetValue(r.Id, out var e) ? e.AnnualCost : 0));
    }

    public async Task<IndexSnapshot> ComputeAsync(ReportingPeriod period, Methodology methodology, DateOnly today)
    {
        var asOf = period.End < today ? period.End : today;
        var previousEnd = asOf.AddYears(-1);
        var (state, baseline, previousState) = await StatesAsync(asOf, previousEnd);
        var estimates = await EstimatesAsync(asOf);
        var previousEstimates = await EstimatesAsync(previousEnd);
        var inForce = state.Where(r => r.InForce).ToList();
        var documentTypes = (await db.Connection.QueryAsync<(string Key, string Type)>("select number_key, doc_type from legal_document", transaction: db.Transaction))
            .ToDictionary(d => d.Key, d => Enum.TryParse<LegalDocumentType>(d.Type, out var type) ? type : LegalDocumentType.Other);
        var inForceBy = inForce.ToLookup(r => r.Agency);
        // The stock the targets are shares of: in force on the programme's baseline day (version 2), or as first entered.
        // Owned by whoever owns the regulation at the period's end, so a successor inherits a merged agency's stock.
        var owner = state.ToDictionary(r => r.Id, r => r.Agency);
        var baselineBy = baseline.Where(r => r.InForce && (methodology.BaselineDate is not { } day || r.EffectiveOn is { } on && on <= day))
            .ToLookup(r => owner.GetValueOrDefault(r.Id, r.Agency));
        var target = methodology.TargetFor(asOf.Year);
        var windowStart = new DateOnly(target.FromYear, 1, 1);
        var previousBy = previousState.Where(r => r.InForce).ToLookup(r => r.Agency);
        var everListed = state.Select(r => r.Agency).Concat(baseline.Select(r => owner.GetValueOrDefault(r.Id, r.Agency))).ToHashSet();
        var asOfText = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = Utc(asOf);

        // Agencies merged into others before the period began are not scored for it; their successors carry their records.
        var agencies = (await db.Connection.QueryAsync<(long Id, string Code, string Name)>(
            "select id, code, name from agency where valid_to is null or valid_to >= @start order by name",
            new { start = period.Start.ToString(IsoDate.Pattern) }, db.Transaction)).ToList();
        var plans = await PlanSheets.LoadAsync(db, "p.status in ('approved', 'in_execution', 'executed') and p.decision_date <= @asOfText", new { asOfText }, CancellationToken.None);
        var submitted = (await db.Connection.QueryAsync<(long Id, long AgencyId, string Title, string? SubmittedOn)>(
            "select id, agency_id, title, submitted_on from plan where year = @year", new { year = asOf.Year }, db.Transaction)).ToList();
        var drafts = (await db.Connection.QueryAsync<(long Id, long AgencyId, string Number, bool Consulted)>(
            """
            select d.id, d.agency_id, d.number,
                exists (select 1 from consultation c where c.legal_document_id = d.id and c.published = true and c.opens_on <= @asOfText)
            from legal_document d where d.status = 'draft' and d.agency_id is not null
            """, new { asOfText }, db.Transaction)).ToList();
        var timely = (await db.Connection.QueryAsync<(long ItemId, string? UpdatedAt)>(
            """
            select i.id, (select min(v.saved_at) from regulation_version v where v.regulation_id = i.regulation_id and v.source = 'plan:' || i.plan_id)
            from plan_item i where i.executed_on is not null
            """, transaction: db.Transaction)).ToDictionary(t => t.ItemId, t => t.UpdatedAt);
        var comments = (await db.Connection.QueryAsync<CommentFact>(
            """
            select m.id, c.id consultation_id, c.agency_id, c.title, coalesce(c.closed_on, c.closes_on) last_day, n.answered_on, g.satisfied, g.rated_at
            from comment m join consultation c on c.id = m.consultation_id
            left join answer n on n.comment_id = m.id left join rating g on g.comment_id = m.id
            where c.published = true and m.hidden_at is null and (m.withdrawn_at is null or m.withdrawn_at >= @until) and m.created_at < @until
            """, new { until }, db.Transaction)).ToList();
        var calendar = await WorkingCalendars.LoadAsync(db, CancellationToken.None);
        var countsFeedback = methodology.Indicators.Any(i => i.Key.StartsWith("feedback", StringComparison.Ordinal));
        var feedback = !countsFeedback ? [] : (await db.Connection.QueryAsync<FeedbackFact>(
            """
            select f.id, f.agency_id, r.code regulation_code, f.answer_due, f.answered_on, f.satisfied, f.rated_at
            from feedback f join regulation r on r.id = f.regulation_id
            where f.filed_at < @until and (f.hidden_at is null or f.hidden_at >= @until)
            """, new { until }, db.Transaction)).ToList();

        var results = new List<AgencyIndex>();
        foreach (var (agencyId, code, name) in agencies)
        {
            var mine = inForceBy[code].ToList();
            if (!everListed.Contains(code))
            {
                continue;
            }
            var indicators = new List<IndicatorEvidence>();
            void Add(string key, IReadOnlyList<Evidence> numerator, IReadOnlyList<Evidence> denominator, decimal? denominatorValue = null) =>
                indicators.Add(new IndicatorEvidence(key, numerator.Sum(e => e.Amount), denominatorValue ?? denominator.Sum(e => e.Amount), numerator, denominator));

            // Counted as every figure of the portal is: a KTCN by its products.
            Add("published", [.. mine.Where(r => r.Published).Select(r => r.EvidenceOf(r.Weight))], [.. mine.Select(r => r.EvidenceOf(r.Weight))]);
            Add("cost-estimated", [.. mine.Where(r => estimates.ContainsKey(r.Id)).Select(r => r.EvidenceOf(r.Weight))], [.. mine.Select(r => r.EvidenceOf(r.Weight))]);

            var myDrafts = drafts.Where(d => d.AgencyId == agencyId).Select(d => (d.Consulted, Evidence: new Evidence(d.Number, LegalDocumentLinks.Details(d.Id)))).ToList();
            Add("drafts-consulted", [.. myDrafts.Where(d => d.Consulted).Select(d => d.Evidence)], [.. myDrafts.Select(d => d.Evidence)]);

            var myItems = plans.Where(p => p.Plan.AgencyId == agencyId).SelectMany(p => p.Items.Select(i => (Plan: p.Plan, Item: i))).ToList();
            Evidence ItemEvidence((PlanHeader Plan, PlanItem Item) x, decimal amount = 1) =>
                new($"{x.Item.Row.Code} – {x.Item.Row.Title} ({x.Plan.DecisionNumber})", PlanLinks.Items(x.Plan.Id), amount, x.Item.Row.Code);
            var executed = myItems.Where(x => x.Item.Row.ExecutedOn is { } on && string.CompareOrdinal(on, asOfText) <= 0).ToList();
            bool Timely((PlanHeader Plan, PlanItem Item) x) => timely.GetValueOrDefault(x.Item.Row.Id) is { } updated
                && DateOnly.FromDateTime(DateTimeOffset.Parse(updated, CultureInfo.InvariantCulture).ToOffset(VietnamTime.Offset).DateTime)
                    <= DateOnly.Parse(x.Item.Row.ExecutedOn!, CultureInfo.InvariantCulture).AddDays(methodology.PublishWithinDays);
            Add("changes-timely", [.. executed.Where(Timely).Select(x => ItemEvidence(x))], [.. executed.Select(x => ItemEvidence(x))]);

            var baselineMine = baselineBy[code].ToList();
            var baselineEvidence = baselineMine.Select(r => r.EvidenceOf(r.Weight)).ToList();
            var planned = myItems.Select(x => x.Item.Row.RegulationId).ToHashSet();
            var baselineCost = myItems.Select(x => ItemEvidence(x, x.Item.Before.AnnualCost))
                .Concat(mine.Where(r => !planned.Contains(r.Id) && estimates.ContainsKey(r.Id)).Select(r => r.EvidenceOf(estimates[r.Id].AnnualCost))).ToList();
            Evidence Cut((PlanHeader Plan, PlanItem Item) x) => ItemEvidence(x, KindCounts.Weight(x.Item.Row.KindValue, x.Item.Row.Products));
            Evidence Saved((PlanHeader Plan, PlanItem Item) x) => ItemEvidence(x, x.Item.Before.AnnualCost - x.Item.After.AnnualCost);
            if (methodology.CreditsExecutedCuts)
            {
                // Cuts count once an issued document carries them out, within the target's window.
                var carriedOut = executed.Where(x => DateOnly.Parse(x.Item.Row.ExecutedOn!, CultureInfo.InvariantCulture) >= windowStart).ToList();
                var approvedInWindow = myItems.Where(x => DateOnly.Parse(x.Plan.DecisionDate!, CultureInfo.InvariantCulture) >= windowStart).ToList();
                Add("regulations-cut", [.. carriedOut.Select(Cut)], baselineEvidence, target.Regulations * baselineMine.Sum(r => r.Weight));
                Add("cost-saved", [.. carriedOut.Select(Saved)], baselineCost, target.Cost * baselineCost.Sum(e => e.Amount));
                Add("plans-approved", [.. approvedInWindow.Select(Cut)], baselineEvidence, target.Regulations * baselineMine.Sum(r => r.Weight));
            }
            else
            {
                Add("regulations-cut", [.. myItems.Select(Cut)], baselineEvidence, methodology.RegulationTarget * baselineMine.Sum(r => r.Weight));
                Add("cost-saved", [.. myItems.Select(Saved)], baselineCost, methodology.CostTarget * baselineCost.Sum(e => e.Amount));
            }

            var due = myItems.Where(x => Deadline(x.Item) is { } d && d <= asOf).ToList();
            Add("items-on-time", [.. due.Where(x => x.Item.Row.ExecutedOn is { } on && DateOnly.Parse(on, CultureInfo.InvariantCulture) <= Deadline(x.Item)).Select(x => ItemEvidence(x))],
                [.. due.Select(x => ItemEvidence(x))]);

            var deadline = new DateOnly(asOf.Year, methodology.PlanDeadlineMonth, methodology.PlanDeadlineDay);
            var myPlans = submitted.Where(p => p.AgencyId == agencyId).ToList();
            var onTime = myPlans.Where(p => p.SubmittedOn is { } s && DateOnly.Parse(s, CultureInfo.InvariantCulture) <= deadline && DateOnly.Parse(s, CultureInfo.InvariantCulture) <= asOf).ToList();
            var planDue = asOf >= deadline || onTime.Count > 0;
            Add("plan-on-time", [.. onTime.Take(1).Select(p => new Evidence(p.Title, PlanLinks.Details(p.Id)))],
                planDue ? [.. (myPlans.Count > 0 ? myPlans.Take(1).Select(p => new Evidence(p.Title, PlanLinks.Details(p.Id))) : [new Evidence($"Phương án năm {asOf.Year} (chưa trình)", $"/plans?agency={code}")])] : []);

            var myComments = comments.Where(c => c.AgencyId == agencyId).ToList();
            var answerDue = myComments.Where(c => AnswerDeadline.Due(c.LastDayValue, consultationOptions.Value.AnswerWorkingDays, calendar) <= asOf).ToList();
            Add("answered-on-time", [.. answerDue.Where(c => c.AnsweredOnValue is { } a && a <= AnswerDeadline.Due(c.LastDayValue, consultationOptions.Value.AnswerWorkingDays, calendar)).Select(c => c.Evidence)],
                [.. answerDue.Select(c => c.Evidence)]);
            var rated = myComments.Where(c => c.Satisfied is not null && string.CompareOrdinal(c.RatedAt, until) < 0).ToList();
            Add("satisfied", [.. rated.Where(c => c.Satisfied == true).Select(c => c.Evidence)], [.. rated.Select(c => c.Evidence)]);
            var closed = myComments.Where(c => c.LastDayValue <= asOf).ToList();
            Add("answered", [.. closed.Where(c => c.AnsweredOnValue is { } a && a <= asOf).Select(c => c.Evidence)], [.. closed.Select(c => c.Evidence)]);

            if (countsFeedback)
            {
                // Answers count by the day they were given; ratings by the day they were made, up to the period's end.
                var myFeedback = feedback.Where(f => f.AgencyId == agencyId).ToList();
                var feedbackDue = myFeedback.Where(f => f.AnswerDueValue <= asOf).ToList();
                Add("feedback-answered-on-time", [.. feedbackDue.Where(f => f.AnsweredOnValue is not null && !AnswerDeadline.IsLate(f.AnswerDueValue, f.AnsweredOnValue, asOf)).Select(f => f.Evidence)],
                    [.. feedbackDue.Select(f => f.Evidence)]);
                var feedbackRated = myFeedback.Where(f => f.Satisfied is not null && string.CompareOrdinal(f.RatedAt, until) < 0).ToList();
                Add("feedback-satisfied", [.. feedbackRated.Where(f => f.Satisfied == true).Select(f => f.Evidence)], [.. feedbackRated.Select(f => f.Evidence)]);
            }

            results.Add(new AgencyIndex(code, name, indicators,
                PanelOf(mine, estimates, documentTypes),
                PanelOf(previousBy[code], previousEstimates, documentTypes),
                RegulationKinds.All.ToDictionary(RegulationKinds.Code, k => mine.Count(r => r.Kind == RegulationKinds.Code(k)))));
        }
        return new IndexSnapshot(period.Key, methodology.Version, methodology, asOf, results,
            PanelOf(inForce, estimates, documentTypes), PanelOf(previousState.Where(r => r.InForce), previousEstimates, documentTypes));
    }

    private static DateOnly? Deadline(PlanItem item) =>
        item.Documents.Select(d => d.Deadline).Where(d => d is not null).Select(d => DateOnly.Parse(d!, CultureInfo.InvariantCulture)).Cast<DateOnly?>().Min();

    private sealed record FeedbackFact
    {
        public long Id { get; init; }
        public long AgencyId { get; init; }
        public string RegulationCode { get; init; } = "";
        public string AnswerDue { get; init; } = "";
        public string? AnsweredOn { get; init; }
        public bool? Satisfied { get; init; }
        public string? RatedAt { get; init; }
        public DateOnly AnswerDueValue => DateOnly.Parse(AnswerDue, CultureInfo.InvariantCulture);
        public DateOnly? AnsweredOnValue => AnsweredOn is null ? null : DateOnly.Parse(AnsweredOn, CultureInfo.InvariantCulture);
        public Evidence Evidence => new($"Phản ánh số {Id} – {RegulationCode}", FeedbackLinks.Details(Id), 1, RegulationCode);
    }

    private sealed record CommentFact
    {
        public long Id { get; init; }
        public long ConsultationId { get; init; }
        public long AgencyId { get; init; }
        public string Title { get; init; } = "";
        public string LastDay { get; init; } = "";
        public string? AnsweredOn { get; init; }
        public bool? Satisfied { get; init; }
        public string? RatedAt { get; init; }
        public DateOnly LastDayValue => DateOnly.Parse(LastDay, CultureInfo.InvariantCulture);
        public DateOnly? AnsweredOnValue => AnsweredOn is null ? null : DateOnly.Parse(AnsweredOn, CultureInfo.InvariantCulture);
        public Evidence Evidence => new($"Ý kiến số {Id} – {Title}", ConsultationLinks.Comment(ConsultationId, Id));
    }
}
