namespace Consult.Web.Features.Shared;

/// <summary>
/// A few inputs a form repeats per row, such as a document number beside its article (<c>_Rows.cshtml</c>). Rows bind as
/// <c>Name[i].Field</c>; a button adds an empty row without script (<see cref="Infrastructure.Validation.UserInputFilter.AddRowField"/>).
/// </summary>
public sealed record RepeatableRows(string Name, string Legend, string Hint, IReadOnlyList<RepeatableRows.Column> Columns, IEnumerable<IReadOnlyList<string?>> Values)
{
    public sealed record Column(string Field, string Label, bool IsDate = false);

    /// <summary>The rows with something typed in; empty rows are how a row is removed.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Filled => Values.Where(IsFilled).ToList();

    public static bool IsFilled(IReadOnlyList<string?> row) => row.Any(v => !string.IsNullOrWhiteSpace(v));
}
