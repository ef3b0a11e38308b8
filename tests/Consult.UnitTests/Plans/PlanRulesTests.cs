using Consult.Domain.Plans;
using Consult.Domain.Registry;
using Consult.Domain.Text;

namespace Consult.UnitTests.Plans;

public class PlanRulesTests
{
    [Fact]
    public void Specialised_inspections_count_their_products_like_the_government_tables()
    {
        // Bộ GTVT's plan in 1977/QĐ-TTg: 37 YCĐK, 1 TCQC, 51 KTCN products, 76 TTHC = 165.
        var regulations = Enumerable.Repeat((RegulationKind.BusinessCondition, 0), 37)
            .Append((RegulationKind.TechnicalStandard, 0))
            .Concat([(RegulationKind.SpecialisedInspection, 30), (RegulationKind.SpecialisedInspection, 21)])
            .Concat(Enumerable.Repeat((RegulationKind.AdministrativeProcedure, 0), 76));
        var counts = KindCounts.Of(regulations);
        Assert.Equal(165, counts.Total);
        Assert.Equal(51, counts[RegulationKind.SpecialisedInspection]);
        Assert.Equal(0, counts[RegulationKind.ReportingRegime]);
    }

    [Fact]
    public void Documents_to_amend_count_once_each_by_the_tables_columns()
    {
        var counts = DocumentCounts.Of([
            ("23/2008/QH12", LegalDocumentType.Law),
            ("100/2019/NĐ-CP", LegalDocumentType.Decree),
            ("100/2019/ND-CP", LegalDocumentType.Decree),
            ("12/2017/TT-BGTVT", LegalDocumentType.Circular),
            ("02/2018/TTLT-BGTVT-BCA", LegalDocumentType.JointCircular),
        ]);
        Assert.Equal(4, counts.Total);
        Assert.Equal(2, counts[DocumentColumn.Circular]);
        Assert.Equal(1, counts[DocumentColumn.Decree]);
    }

    [Theory]
    [InlineData(PlanStatus.Draft, true, true, false, false)]
    [InlineData(PlanStatus.Returned, true, true, false, false)]
    [InlineData(PlanStatus.Submitted, false, false, true, false)]
    [InlineData(PlanStatus.Approved, false, false, false, true)]
    [InlineData(PlanStatus.InExecution, false, false, false, true)]
    [InlineData(PlanStatus.Executed, false, false, false, false)]
    public void Each_status_allows_only_its_next_steps(PlanStatus status, bool edit, bool submit, bool review, bool execute)
    {
        Assert.Equal(edit, PlanStatuses.IsEditable(status));
        Assert.Equal(submit, PlanStatuses.CanSubmit(status));
        Assert.Equal(review, PlanStatuses.CanReview(status));
        Assert.Equal(execute, PlanStatuses.CanRecordExecution(status));
    }

    [Fact]
    public void A_plan_is_executed_when_every_item_has_its_document()
    {
        Assert.Equal(PlanStatus.InExecution, PlanStatuses.AfterExecution(items: 3, executedItems: 2));
        Assert.Equal(PlanStatus.Executed, PlanStatuses.AfterExecution(items: 3, executedItems: 3));
    }

    [Fact]
    public void Target_progress_compares_shares_with_twenty_percent()
    {
        var saving = new CostSaving(1_000, 750, 10, 8);
        var progress = TargetProgress.Of(regulationsCut: 30, regulationsInForce: 200, saving);
        Assert.Equal(0.15m, progress.RegulationShare);
        Assert.Equal(0.25m, progress.CostShare);
        Assert.False(progress.MeetsRegulationTarget);
        Assert.True(progress.MeetsCostTarget);
        Assert.Null(TargetProgress.Of(0, 0, saving).RegulationShare);
    }

    [Fact]
    public void Status_codes_round_trip()
    {
        foreach (var status in Enum.GetValues<PlanStatus>())
        {
            Assert.Equal(status, PlanStatuses.FromCode(PlanStatuses.Code(status)));
        }
        Assert.Equal("in_execution", PlanStatuses.Code(PlanStatus.InExecution));
    }
}
