using System.Xml.Linq;

namespace Hotline.Api.Tests.Statistics;

public sealed class SvgBarChartTests
{
    [Fact]
    public void A_chart_with_no_bars_is_drawn_with_its_title_only()
    {
        var svg = SvgBarChart.Render("Cases by language", []);

        Assert.Equal(
            "<svg viewBox=\"0 0 720 48\" width=\"720\" height=\"48\" role=\"img\" aria-label=\"Cases by language\" font-family=\"system-ui, sans-serif\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>Cases by language</title><text x=\"0\" y=\"22\" font-size=\"16\" font-weight=\"bold\" "
            + "fill=\"#1f2933\">Cases by language</text></svg>",
            svg);
    }

    /// <summary>
    /// A month's heading with the day it becomes final is 40 characters: in 252 px it was cut off at the chart's left edge
    /// where system-ui is DejaVu Sans. Its room is 40 x 13 px x 0.65 + 8 = 346 px, the bars start there, and the chart is wider by as much.
    /// </summary>
    [Fact]
    public void A_long_label_gets_the_room_it_needs_and_the_bars_start_after_it()
    {
        var svg = XDocument.Parse(SvgBarChart.Render("Cases by outcome", [("Sep 2026 (provisional until 30 Dec 2026)", "12"), ("Oct 2026", "<5")])).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal("806", svg.Attribute("width")!.Value);
        Assert.Equal(["338", "338"], svg.Elements(ns + "g").Select(g => g.Element(ns + "text")!.Attribute("x")!.Value));
        Assert.Equal(["346", "346"], svg.Elements(ns + "g").Select(g => g.Element(ns + "rect")!.Attribute("x")!.Value));
    }

    [Fact]
    public void Short_labels_keep_the_chart_at_its_usual_width()
    {
        var svg = XDocument.Parse(SvgBarChart.Render("Cases by channel", [("SMS", "12"), ("WhatsApp", "7")])).Root!;

        Assert.Equal("720", svg.Attribute("width")!.Value);
    }
}
