using Consult.Domain.Registry;

namespace Consult.Domain.Import;

/// <summary>
/// A regulation as the workspace form or one row of an import file states it, before any check: the one shape both
/// hand to <see cref="RegulationRowParser"/>, which turns it into a <see cref="RegulationRow"/> for the writer.
/// Lists are lists here; a file's cells separate their items with ';' (<see cref="FromCells"/>).
/// </summary>
public sealed record RegulationInput
{
    public string? Code { get; init; }
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Agency { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>Document numbers, each with its article if given; checked by the parser.</summary>
    public IReadOnlyList<LegalBasisItem> LegalBasis { get; init; } = [];

    public string? Status { get; init; }

    /// <summary>"true" or "false" (also 1 and 0); empty is false.</summary>
    public string? Published { get; init; }

    public string? EffectiveDate { get; init; }
    public string? Content { get; init; }

    /// <summary>Goods of an inspection, each "HS code:name" as the user wrote it.</summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    public RegulationDetails Details { get; init; } = new();
    public IReadOnlyList<string> BusinessLines { get; init; } = [];
    public IReadOnlyList<string> LegalForms { get; init; } = [];
    public IReadOnlyList<string> Sizes { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public string? Stage { get; init; }

    /// <summary>One row of an import file, its cells read by column name.</summary>
    public static RegulationInput FromCells(Func<string, string?> cell) => new()
    {
        Code = cell("code"),
        Kind = cell("kind"),
        Title = cell("title"),
        Agency = cell("agency"),
        Sectors = Items(cell("sectors")),
        LegalBasis = [.. Items(cell("legal_basis")).Select(item => item.Split('#', 2)).Select(parts => new LegalBasisItem(parts[0], parts.ElementAtOrDefault(1)))],
        Status = cell("status"),
        Published = cell("published"),
        EffectiveDate = cell("effective_date"),
        Content = cell("content"),
        Products = Items(cell("products")),
        Details = new RegulationDetails().Select((column, _) => cell(column)),
        BusinessLines = Items(cell("business_lines")),
        LegalForms = Items(cell("legal_forms")),
        Sizes = Items(cell("sizes")),
        Provinces = Items(cell("provinces")),
        Stage = cell("stage"),
    };

    /// <summary>
    /// The same input without the fields its kind has not: the workspace form hides them, so what they hold was not
    /// meant to be saved. An unknown kind keeps everything, for the parser to name the kind as the fault.
    /// </summary>
    public RegulationInput WithOnlyItsKindsFields()
    {
        if (!RegulationKinds.TryParse(Kind, out var kind))
        {
            return this;
        }
        var own = RegulationRowParser.ColumnsOf(kind);
        return this with
        {
            Products = own.Contains("products") ? Products : [],
            Details = Details.Select((column, value) => own.Contains(column) ? value : null),
        };
    }

    private static string[] Items(string? cell) => (cell ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
