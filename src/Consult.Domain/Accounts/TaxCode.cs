using System.Text.RegularExpressions;

namespace Consult.Domain.Accounts;

/// <summary>
/// A business tax code (mã số thuế): ten digits, the tenth a check digit over the first nine,
/// optionally followed by "-" and three digits for a branch.
/// </summary>
public static partial class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    [GeneratedRegex(@"^(\d{10})(-(\d{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>A Vietnamese message saying what is wrong, or null when the code is valid.</summary>
    public static string? Problem(string text)
    {
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            return "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu - và 3 chữ số của chi nhánh (ví dụ 0100109106-001).";
        }
        var digits = match.Groups[1].Value;
        if (digits[..2] == "00" || digits[2..9] == "0000000" || match.Groups[3].Value == "000")
        {
            return "Mã số thuế không hợp lệ.";
        }
        var sum = Weights.Select((w, i) => w * (digits[i] - '0')).Sum();
        var check = 10 - sum % 11;
        return check == digits[9] - '0' ? null : "Mã số thuế không đúng (chữ số kiểm tra sai); hãy kiểm tra lại.";
    }
}
