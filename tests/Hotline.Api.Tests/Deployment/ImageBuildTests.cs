namespace Hotline.Api.Tests.Deployment;

[Collection(PublishedImageCollection.Name)]
public sealed class ImageBuildTests(PublishedImage image)
{
    [Fact]
    public void The_dotnet_stage_has_no_node_or_npm_and_still_publishes()
    {
        var build = image.Dockerfile.Stages.Single(s => s.Image.StartsWith("mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));

        Assert.DoesNotContain("npm", StageEmulator.ToolsOf(build.Image));
        Assert.DoesNotContain("node", StageEmulator.ToolsOf(build.Image));
        Assert.True(File.Exists(Path.Combine(image.App, "Hotline.Api.dll")), "The runtime stage has no Hotline.Api.dll.");
    }

    [Fact]
    public void The_published_output_holds_the_console_and_its_signalr_client()
    {
        Assert.True(File.Exists(Path.Combine(image.App, "wwwroot", "console", "index.html")), "The console's index.html is missing from /app.");
        Assert.True(File.Exists(Path.Combine(image.App, "wwwroot", "console", "lib", "signalr.min.js")), "The SignalR client is missing from /app.");
    }

    [Fact]
    public void The_published_output_holds_no_app_data()
    {
        Assert.Empty(Directory.EnumerateDirectories(image.App, "App_Data", SearchOption.AllDirectories));
    }

    [Fact]
    public void Every_base_image_is_pinned_to_a_version()
    {
        Assert.Equal(
            ["node:24.11.1-bookworm-slim", "mcr.microsoft.com/dotnet/sdk:10.0.401", "mcr.microsoft.com/dotnet/aspnet:10.0.12"],
            image.Dockerfile.Stages.Select(s => s.Image));
    }
}
