using Consult.Domain.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Consult.Web.Infrastructure.Forms;

/// <summary>
/// <c>&lt;input date-input&gt;</c>: a date typed as Vietnamese write it, dd/mm/yyyy (yyyy-mm-dd is still read, see
/// <see cref="IsoDate.TryRead"/>). A stored yyyy-mm-dd value is shown as dd/mm/yyyy; anything else the user typed is
/// shown as typed, so a wrong date comes back for correcting.
/// </summary>
[HtmlTargetElement("input", Attributes = "date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    /// <summary>After the input tag helper has written the bound value.</summary>
    public override int Order => 1_000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("date-input");
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.AddClass("date-input", HtmlEncoder.Default);
        if (output.Attributes.TryGetAttribute("value", out var value)
            && DateOnly.TryParseExact(Text(value.Value), IsoDate.Pattern, out var day))
        {
            output.Attributes.SetAttribute("value", VietnameseDates.Show(day));
        }
    }

    /// <summary>A value bound by the input tag helper is a string; one written as <c>value="@x"</c> is HTML content.</summary>
    private static string? Text(object? value)
    {
        if (value is not IHtmlContent content)
        {
            return value?.ToString();
        }
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
