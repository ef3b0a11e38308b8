namespace Consult.Domain.Text;

/// <summary>
/// Agency codes (BCT, BYT…) compare without case or surrounding spaces. Every place that reads a code from a
/// user normalises it here once, so the code a permission is checked on is the code that is written.
/// </summary>
public static class AgencyCode
{
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
