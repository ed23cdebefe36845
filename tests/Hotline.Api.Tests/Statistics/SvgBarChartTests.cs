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
}
