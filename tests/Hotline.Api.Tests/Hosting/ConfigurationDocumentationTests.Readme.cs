namespace Hotline.Api.Tests.Hosting;

public sealed partial class ConfigurationDocumentationTests
{
    /// <summary>
    /// A newcomer's walk: the tour has them answer the intake, but an unanswered intake reaches a caseworker only after 30
    /// minutes, and nothing said how to shorten that to try it. The tour names the setting and links the page's row, which
    /// gives the whole command; the README stays a map.
    /// </summary>
    [Fact]
    public void The_readme_tour_says_how_to_shorten_the_intake_timer_and_links_the_configuration_line_that_does_it()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Contains("`Hotline__Intake__UnansweredHandoffMinutes=1`", readme, StringComparison.Ordinal);
        Assert.Contains("[docs/configuration.md](docs/configuration.md#intake)", readme, StringComparison.Ordinal);
        Assert.Contains("`Hotline__Intake__UnansweredHandoffMinutes=1 dotnet run --project Hotline.Api`", ConfigurationPage(), StringComparison.Ordinal);
        Assert.InRange(readme.ReplaceLineEndings("\n").Split('\n').Length, 1, 200);
    }
}
