namespace Hotline.Api.Tests.Deployment;

public sealed class BuildContextTests
{
    private static readonly BuildContext Context = new(Path.Combine(PublishedImage.Infra, "Dockerfile.dockerignore"));

    [Theory]
    [InlineData("Hotline.Api/App_Data/development-secrets.json")]
    [InlineData("Hotline.Api/bin/Release/net10.0/Hotline.Api.dll")]
    [InlineData("Hotline.Console/node_modules/@microsoft/signalr/package.json")]
    [InlineData("Hotline.Console/wwwroot/lib/signalr.min.js")]
    [InlineData("infra/secrets/twilio_auth_token")]
    [InlineData("infra/.env")]
    [InlineData("tests/Hotline.Api.Tests/Hotline.Api.Tests.csproj")]
    [InlineData(".git")]
    public void The_context_leaves_out_secrets_build_output_and_fetched_packages(string path)
    {
        Assert.True(Context.IsExcluded(path), $"{path} would be sent to the Docker daemon.");
    }

    [Theory]
    [InlineData("Hotline.Console/package-lock.json")]
    [InlineData("Hotline.Console/wwwroot/index.html")]
    [InlineData("Hotline.Api/Storage/Sql/Cases_Create.sql")]
    [InlineData("Directory.Packages.props")]
    public void The_context_keeps_the_sources(string path)
    {
        Assert.False(Context.IsExcluded(path), $"{path} would be missing from the build.");
    }
}
