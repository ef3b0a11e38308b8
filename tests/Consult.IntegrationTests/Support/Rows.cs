namespace Consult.IntegrationTests.Support;

/// <summary>Builds import files: a header and rows with sensible defaults.</summary>
public static class Rows
{
    public const string Header = "code,kind,title,agency,sectors,legal_basis,status,published,effective_date,content,products";

    public static string Row(
        string code,
        string title,
        string kind = "TTHC",
        string agency = "BCT",
        string sectors = "Thương mại",
        string basis = "105/2017/NĐ-CP#Điều 11",
        string status = "in_force",
        string published = "true",
        string effective = "2020-01-01",
        string content = "Nội dung quy định.",
        string products = "") =>
        string.Join(',', new[] { code, kind, title, agency, sectors, basis, status, published, effective, content, products }.Select(Consult.Domain.Import.Csv.Escape));

    public static string File(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>The workspace form of a new regulation, as an editor fills it in.</summary>
    public static Dictionary<string, string> NewRegulationForm(string code, string title, string agency = "BCT", string sectors = "Thương mại",
        string basis = "105/2017/NĐ-CP") => new()
    {
        ["Code"] = code,
        ["Kind"] = "TTHC",
        ["Title"] = title,
        ["Agency"] = agency,
        ["Sectors"] = sectors,
        ["LegalBasis[0].Number"] = basis,
        ["Status"] = "in_force",
        ["EffectiveDate"] = "2020-01-01",
        ["Content"] = "Nội dung quy định.",
        ["ExpectedVersion"] = "0",
    };
}
