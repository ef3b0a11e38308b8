using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Consult.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;error-summary heading="…"&gt;</c>: when the form came back with errors, a box above it listing each one, linked to its
/// field. The heading names what did not happen; a page that does not say so gets "not saved".
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    public string Heading { get; set; } = "Chưa lưu được: hãy sửa những điểm sau";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Content.AppendHtml("<h2>").Append(Heading).AppendHtml("</h2><ul>");
        foreach (var (field, entry) in modelState)
        {
            foreach (var error in entry?.Errors ?? [])
            {
                output.Content.AppendHtml("<li>");
                if (field.Length > 0)
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + field;
                    link.InnerHtml.Append(error.ErrorMessage);
                    output.Content.AppendHtml(link);
                }
                else
                {
                    output.Content.Append(error.ErrorMessage);
                }
                output.Content.AppendHtml("</li>");
            }
        }
        output.Content.AppendHtml("</ul>");
    }
}
