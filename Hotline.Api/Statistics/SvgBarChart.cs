using System.Xml.Linq;

namespace Hotline.Api.Statistics;

/// <summary>
/// A horizontal bar chart drawn on the server from published display strings only: a hidden count ("&lt;5",
/// "x", "–") gets no bar, just its marker, so a chart never shows what the table hides. Presentation attributes
/// only, no style element: the Content-Security-Policy allows no inline style.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 720;
    private const int LabelWidth = 260;
    private const int BarHeight = 20;
    private const int Gap = 8;
    private const int Top = 40;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(string title, IReadOnlyList<(string Label, string Display)> bars)
    {
        var values = bars.Select(b => long.TryParse(b.Display, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToList();
        var max = Math.Max(1, values.Select(v => v ?? 0).DefaultIfEmpty().Max());
        var height = Top + bars.Count * (BarHeight + Gap) + Gap;
        var plot = Width - LabelWidth - 70;
        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {height}"), new XAttribute("width", Width), new XAttribute("height", height),
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
                Text(LabelWidth - 8, y + 15, bars[i].Label, "end"),
                new XElement(Svg + "rect", new XAttribute("x", LabelWidth), new XAttribute("y", y), new XAttribute("width", length),
                    new XAttribute("height", BarHeight), new XAttribute("fill", values[i] is null ? "none" : "#2f6f9f")),
                Text(LabelWidth + length + 6, y + 15, bars[i].Display, "start"));
            root.Add(group);
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Text(int x, int y, string text, string anchor) => new(Svg + "text",
        new XAttribute("x", x), new XAttribute("y", y), new XAttribute("font-size", 13), new XAttribute("text-anchor", anchor),
        new XAttribute("fill", "#1f2933"), text);
}
