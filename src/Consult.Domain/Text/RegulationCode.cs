using System.Text.RegularExpressions;

namespace Consult.Domain.Text;

/// <summary>
/// Regulation codes: national TTHC codes such as 1.000106 or 2.001234, and the portal's own
/// codes for other kinds such as YCDK-BCT-0012. Codes compare without case or marks.
/// </summary>
public static partial class RegulationCode
{
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}.\-_]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\d\.\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedurePattern();

    public static bool IsValid(string? code) => code is not null && CodePattern().IsMatch(code.Trim());

    /// <summary>A national administrative-procedure code (mã TTHC), e.g. 1.000106.</summary>
    public static bool IsProcedureCode(string? code) => code is not null && ProcedurePattern().IsMatch(code.Trim());

    public static string Key(string code) => VietnameseFolding.Fold(code.Trim()).ToUpperInvariant();
}
