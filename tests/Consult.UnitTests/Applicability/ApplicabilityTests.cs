using Consult.Domain.Applicability;
using Consult.Domain.Import;

namespace Consult.UnitTests.Applicability;

public class ApplicabilityTests
{
    /// <summary>Divisions 46 and 47 are in section G, 10 in C.</summary>
    private static string? Section(string division) => division switch { "46" or "47" => "G", "10" => "C", _ => null };

    [Theory]
    [InlineData("46331", new[] { "46331", "4633", "463", "46", "G" })]
    [InlineData("46", new[] { "46", "G" })]
    [InlineData("G", new[] { "G" })]
    public void A_line_is_covered_by_itself_and_every_level_above_it(string line, string[] covering)
    {
        Assert.Equal(covering, VsicCode.AncestorsOrSelf(line, Section));
    }

    [Theory]
    [InlineData("4633", true)]
    [InlineData("46", true)]
    [InlineData("G", true)]
    [InlineData("A", true)]
    [InlineData("463312", false)]
    [InlineData("4", false)]
    [InlineData("g", false)]
    public void Vsic_codes_are_a_section_letter_or_two_to_five_digits(string code, bool valid) => Assert.Equal(valid, VsicCode.IsValid(code));

    [Fact]
    public void A_tag_on_a_division_covers_its_sub_lines_but_a_tag_on_a_class_does_not_cover_the_division()
    {
        var division = new ApplicabilityTags { Lines = ["46"] };
        var drinks = new ApplicabilityTags { Lines = ["4633"] };
        Assert.True(division.AppliesTo(new BusinessProfile(["4633"], null, null, null), Section));
        Assert.False(drinks.AppliesTo(new BusinessProfile(["46"], null, null, null), Section));
        Assert.False(division.AppliesTo(new BusinessProfile(["47"], null, null, null), Section));
        Assert.True(new ApplicabilityTags { Lines = ["G"] }.AppliesTo(new BusinessProfile(["10", "47"], null, null, null), Section));
    }

    [Fact]
    public void Forms_sizes_and_provinces_narrow_only_when_tagged_and_only_when_the_profile_says()
    {
        var tags = new ApplicabilityTags { Forms = [LegalForm.LimitedCompany], Sizes = [BusinessSize.Small], Provinces = ["01"] };
        Assert.True(tags.AppliesTo(new BusinessProfile(["10"], LegalForm.LimitedCompany, BusinessSize.Small, "01"), Section));
        Assert.False(tags.AppliesTo(new BusinessProfile(["10"], LegalForm.HouseholdBusiness, BusinessSize.Small, "01"), Section));
        Assert.False(tags.AppliesTo(new BusinessProfile(["10"], LegalForm.LimitedCompany, BusinessSize.Large, "01"), Section));
        Assert.False(tags.AppliesTo(new BusinessProfile(["10"], LegalForm.LimitedCompany, BusinessSize.Small, "79"), Section));
        Assert.True(tags.AppliesTo(new BusinessProfile(["10"], null, null, null), Section));
        Assert.True(ApplicabilityTags.Everyone.AppliesTo(new BusinessProfile(["99"], LegalForm.Cooperative, BusinessSize.Micro, "96"), Section));
    }

    [Fact]
    public void The_import_reads_the_applicability_columns_and_names_what_is_wrong()
    {
        var cells = new Dictionary<string, string>
        {
            ["code"] = "1.000106", ["kind"] = "TTHC", ["title"] = "Cấp phép", ["agency"] = "BCT", ["legal_basis"] = "105/2017/NĐ-CP", ["status"] = "in_force",
            ["business_lines"] = "4633; g", ["legal_forms"] = "TNHH;cophan", ["sizes"] = "nho", ["provinces"] = "01;79", ["stage"] = "entry",
        };
        var (row, errors) = RegulationRowParser.Parse(RegulationInput.FromCells(c => cells.GetValueOrDefault(c)));
        Assert.Empty(errors);
        Assert.Equal(["4633", "G"], row!.Applies.Lines);
        Assert.Equal([LegalForm.LimitedCompany, LegalForm.JointStockCompany], row.Applies.Forms);
        Assert.Equal([BusinessSize.Small], row.Applies.Sizes);
        Assert.Equal(["01", "79"], row.Applies.Provinces);
        Assert.Equal(BusinessStage.Entry, row.Applies.Stage);

        cells["business_lines"] = "46-33";
        cells["sizes"] = "to";
        cells["provinces"] = "1";
        cells["stage"] = "luôn";
        var (_, bad) = RegulationRowParser.Parse(RegulationInput.FromCells(c => cells.GetValueOrDefault(c)));
        Assert.Equal(new[] { "business_lines", "sizes", "provinces", "stage" }.Order(), bad.Select(e => e.Column).Order());
    }

    [Fact]
    public void Without_tags_a_regulation_applies_to_everyone_and_describes_itself_so()
    {
        Assert.Equal("Mọi doanh nghiệp", ApplicabilityTags.Everyone.Describe());
        Assert.Equal(ApplicabilityTags.Everyone, new ApplicabilityTags { Lines = [] });
        Assert.Equal("Ngành (VSIC): 46\nQuy mô: Nhỏ\nKhi gia nhập thị trường",
            new ApplicabilityTags { Lines = ["46"], Sizes = [BusinessSize.Small], Stage = BusinessStage.Entry }.Describe());
    }
}
