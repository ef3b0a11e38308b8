using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Consult.Domain.Search;
using Microsoft.AspNetCore.Html;

namespace Consult.Web.Features.Shared;

/// <summary>Text with its search matches in &lt;mark&gt;, encoded, without stray whitespace between parts.</summary>
public static class MarkedText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Render(IEnumerable<SnippetPart> parts)
    {
        var html = new StringBuilder();
        foreach (var part in parts)
        {
            var text = Encoder.Encode(part.Text.ReplaceLineEndings(" "));
            html.Append(part.IsMatch ? $"<mark>{text}</mark>" : text);
        }
        return new HtmlString(html.ToString());
    }
}
