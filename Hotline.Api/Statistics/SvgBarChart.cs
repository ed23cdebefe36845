using System.Xml.Linq;

namespace Hotline.Api.Statistics;

/// <summary>
/// A horizontal bar chart drawn on the server from published display strings only: a hidden count ("&lt;5",
/// "x", "–") gets no bar, just its marker, so a chart never shows what the table hides. Presentation attributes
/// only, no style element: the Content-Security-Policy allows no inline style.
/// </summary>
public static class SvgBarChart
{
    private const int PlotAndValueWidth = 460;
    private const int MinLabelWidth = 260;
    private const int MaxLabelWidth = 420;
    private const int LabelFontSize = 13;

    // Wider than most fonts' average advance (DejaVu Sans, Debian's system-ui, is about 0.6 em for these labels): the SVG
    // cannot measure its text, and a label wider than its room is cut off at the chart's left edge ("Sep 2026 (provisional
    // until 30 Dec 2026)" was, in 252 px).
    private const double AverageAdvanceEm = 0.65;
    private const int BarHeight = 20;
    private const int Gap = 8;
    private const int Top = 40;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(string title, IReadOnlyList<(string Label, string Display)> bars)
    {
        var values = bars.Select(b => long.TryParse(b.Display, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToList();
        var max = Math.Max(1, values.Select(v => v ?? 0).DefaultIfEmpty().Max());
        var height = Top + bars.Count * (BarHeight + Gap) + Gap;
        var labelWidth = LabelWidth(bars);
        var width = labelWidth + PlotAndValueWidth;
        var plot = PlotAndValueWidth - 70;
        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("aria-label", title), new XAttribute("font-family", "system-ui, sans-serif"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "text", new XAttribute("x", 0), new XAttribute("y", 22), new XAttribute("font-size", 16),
                new XAttribute("font-weight", "bold"), new XAttribute("fill", "#1f2933"), title));
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Top + i * (BarHeight + Gap);
            var length = values[i] is { } value ? (int)Math.Round((double)value / max * plot) : 0;
            var group = new XElement(Svg + "g",
                new XElement(Svg + "title", $"{bars[i].Label}: {bars[i].Display}"),
                Text(labelWidth - 8, y + 15, bars[i].Label, "end"),
                new XElement(Svg + "rect", new XAttribute("x", labelWidth), new XAttribute("y", y), new XAttribute("width", length),
                    new XAttribute("height", BarHeight), new XAttribute("fill", values[i] is null ? "none" : "#2f6f9f")),
                Text(labelWidth + length + 6, y + 15, bars[i].Display, "start"));
            root.Add(group);
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Room for the longest label as the font is likely to draw it, and 8 px before its bar; never so much that the bars have none.</summary>
    private static int LabelWidth(IReadOnlyList<(string Label, string Display)> bars)
    {
        var longest = bars.Select(b => new StringInfo(b.Label).LengthInTextElements).DefaultIfEmpty().Max();
        return Math.Clamp((int)Math.Ceiling(longest * LabelFontSize * AverageAdvanceEm) + 8, MinLabelWidth, MaxLabelWidth);
    }

    private static XElement Text(int x, int y, string text, string anchor) => new(Svg + "text",
        new XAttribute("x", x), new XAttribute("y", y), new XAttribute("font-size", LabelFontSize), new XAttribute("text-anchor", anchor),
        new XAttribute("fill", "#1f2933"), text);
}
