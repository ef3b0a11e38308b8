using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Consult.Web.Features.EffortIndex;

/// <summary>Charts drawn on the server as SVG; each has a title and description, and pages put the same numbers in a table beside it.</summary>
public static class Charts
{
    public sealed record Bar(string Label, decimal Value, string Colour);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<Bar> bars, decimal max)
    {
        const int rowHeight = 22, labelWidth = 260, barWidth = 380;
        var height = bars.Count * rowHeight + 10;
        var width = labelWidth + barWidth + 60;
        var svg = new StringBuilder($"""<div class="chart-box"><svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="{id}-title">{E(title)}</title>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * rowHeight + 5;
            var length = max <= 0 ? 0 : (double)(bars[i].Value / max) * barWidth;
            svg.Append($"""<text x="{labelWidth - 6}" y="{y + 15}" text-anchor="end" font-size="12">{E(bars[i].Label)}</text>""")
               .Append($"""<rect x="{labelWidth}" y="{y + 2}" width="{N(length)}" height="{rowHeight - 6}" fill="{bars[i].Colour}"/>""")
               .Append($"""<text x="{N(labelWidth + length + 4)}" y="{y + 15}" font-size="12">{E(bars[i].Value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")))}</text>""");
        }
        return new HtmlString(svg.Append("</svg></div>").ToString());
    }

    public static IHtmlContent Line(string id, string title, IReadOnlyList<(string Label, decimal Value)> points, decimal max)
    {
        // The right margin holds half of the last year's label, which is centred on its point.
        const int width = 520, height = 180, left = 40, right = 40, bottom = 30, top = 10;
        var svg = new StringBuilder($"""<div class="chart-box"><svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}"><title id="{id}-title">{E(title)}</title>""");
        svg.Append($"""<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="#505a5f"/>""");
        var step = points.Count > 1 ? (width - left - 10 - right) / (double)(points.Count - 1) : 0;
        var coordinates = points.Select((p, i) => (X: left + 10 + i * step, Y: height - bottom - (double)(p.Value / Math.Max(max, 1)) * (height - bottom - top), p.Label, p.Value)).ToList();
        if (coordinates.Count > 1)
        {
            svg.Append($"""<polyline fill="none" stroke="#1d70b8" stroke-width="2" points="{string.Join(' ', coordinates.Select(c => $"{N(c.X)},{N(c.Y)}"))}"/>""");
        }
        foreach (var c in coordinates)
        {
            svg.Append($"""<circle cx="{N(c.X)}" cy="{N(c.Y)}" r="4" fill="#1d70b8"/>""")
               .Append($"""<text x="{N(c.X)}" y="{height - 10}" text-anchor="middle" font-size="12">{E(c.Label)}</text>""")
               .Append($"""<text x="{N(c.X)}" y="{N(c.Y - 8)}" text-anchor="middle" font-size="12">{E(c.Value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")))}</text>""");
        }
        return new HtmlString(svg.Append("</svg></div>").ToString());
    }
}
