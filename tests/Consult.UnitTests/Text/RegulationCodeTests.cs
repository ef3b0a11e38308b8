using Consult.Domain.Registry;
using Consult.Domain.Text;

namespace Consult.UnitTests.Text;

public class RegulationCodeTests
{
    [Theory]
    [InlineData("1.000106", true)]
    [InlineData("YCDK-BCT-0012", true)]
    [InlineData("1.000106; drop table", false)]
    [InlineData("", false)]
    public void Validates_codes(string code, bool valid) => Assert.Equal(valid, RegulationCode.IsValid(code));

    [Fact]
    public void Recognises_national_procedure_codes()
    {
        Assert.True(RegulationCode.IsProcedureCode("1.000106"));
        Assert.False(RegulationCode.IsProcedureCode("1.00010"));
    }

    [Theory]
    [InlineData("YCĐK", RegulationKind.BusinessCondition)]
    [InlineData("ycdk", RegulationKind.BusinessCondition)]
    [InlineData("CĐBC", RegulationKind.ReportingRegime)]
    [InlineData("CẤM", RegulationKind.Prohibition)]
    [InlineData("KTCN", RegulationKind.SpecialisedInspection)]
    public void Parses_kinds_in_either_spelling(string text, RegulationKind expected)
    {
        Assert.True(RegulationKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Rejects_unknown_kinds() => Assert.False(RegulationKinds.TryParse("LUAT", out _));

    [Fact]
    public void Stored_codes_map_back_and_unknown_ones_are_a_programming_error()
    {
        Assert.Equal(RegulationKind.Prohibition, RegulationKinds.FromCode("CAM"));
        Assert.Equal(RegulationStatus.Repealed, RegulationStatuses.FromCode("repealed"));
        Assert.Throws<ArgumentException>(() => RegulationKinds.FromCode("LUAT"));
    }
}
