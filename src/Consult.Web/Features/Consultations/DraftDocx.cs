using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// The text of a draft uploaded as DOCX, one paragraph per line, for <see cref="Domain.Consultations.DraftText"/> to split.
/// Numbers Word adds by itself (list numbering) are not in the text: drafts number their articles and clauses in the text.
/// </summary>
public static class DraftDocx
{
    /// <summary>Null when the file is not a readable Word document.</summary>
    public static string? Text(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            return body is null ? null : string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
