namespace Hotline.Api.Tests.Deployment;

/// <summary>The runtime stage's /app started the way compose.yaml starts an API container (SQLite standing in for SQL Server).</summary>
[Collection(PublishedImageCollection.Name)]
public sealed class ImageRuntimeTests(PublishedImage image) : IDisposable
{
    private readonly string _folder = PublishedImage.WorldReadableTemporaryFolder("hotline-container-");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Started_in_app_in_production_it_answers_health()
    {
        await using var app = await PublishedApp.StartAsync(image, image.App, ComposeLikeEnvironment.For(image, _folder));
        using var client = new HttpClient { BaseAddress = app.Address };

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Started_in_app_in_production_it_serves_the_console()
    {
        await using var app = await PublishedApp.StartAsync(image, image.App, ComposeLikeEnvironment.For(image, _folder));

        await AssertServesTheConsoleAsync(app);
    }

    [Fact]
    public async Task Started_from_another_folder_it_serves_the_console()
    {
        var elsewhere = Path.Combine(_folder, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        await using var app = await PublishedApp.StartAsync(image, elsewhere, ComposeLikeEnvironment.For(image, _folder),
            ["dotnet", Path.Combine(image.App, "Hotline.Api.dll")]);

        await AssertServesTheConsoleAsync(app);
    }

    [Fact]
    public async Task It_runs_as_a_user_other_than_root()
    {
        await using var app = await PublishedApp.StartAsync(image, image.App, ComposeLikeEnvironment.For(image, _folder));

        var uid = File.ReadLines($"/proc/{app.ProcessId}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];

        Assert.NotEqual("0", uid);
    }

    [Fact]
    public async Task The_compose_health_check_command_succeeds_against_it()
    {
        await using var app = await PublishedApp.StartAsync(image, image.App, ComposeLikeEnvironment.For(image, _folder));
        var check = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml")).HealthCheck("api1");
        // The container listens on 8080; the app here on a free port.
        var command = check.Select(word => word.Replace("/8080", $"/{app.Port}", StringComparison.Ordinal)).ToList();

        var outcome = await RunToExitAsync(PublishedApp.StartInfo(image, image.App, new Dictionary<string, string>(), command));

        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task The_env_example_left_as_shipped_refuses_the_start_naming_the_public_url()
    {
        var environment = ComposeLikeEnvironment.For(image, _folder);
        environment["Hotline__PublicBaseUrl"] = ComposeLikeEnvironment.EnvExample().Single(e => e.Key == "Hotline__PublicBaseUrl").Value;

        var outcome = await RunToExitAsync(PublishedApp.StartInfo(image, image.App, environment, image.Runtime.Entrypoint));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Hotline:PublicBaseUrl", Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("Hotline__Privacy__Keys__k1", "Hotline:Privacy:Keys:k1")]
    [InlineData("Hotline__Privacy__LookupKey", "Hotline:Privacy:LookupKey")]
    [InlineData("Twilio__AuthToken", "Twilio:AuthToken")]
    public async Task An_empty_secret_file_refuses_the_start_naming_its_setting(string file, string setting)
    {
        var environment = ComposeLikeEnvironment.For(image, _folder, key => key == file ? "" : ComposeLikeEnvironment.ValidSecret(key));

        var outcome = await RunToExitAsync(PublishedApp.StartInfo(image, image.App, environment, image.Runtime.Entrypoint));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(setting, Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("Hotline__Database__Password", "Hotline:Database:Password is empty")]
    [InlineData("Hotline__Redis__Password", "Hotline:Redis:Password is empty")]
    public async Task An_empty_sql_server_or_redis_password_file_refuses_the_start_before_connecting(string file, string message)
    {
        var environment = ComposeLikeEnvironment.For(image, _folder);
        var compose = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml")).Environment("api1");
        foreach (var key in new[] { "Hotline__Database__Provider", "Hotline__Database__ConnectionString", "Hotline__Redis__ConnectionString" })
        {
            environment[key] = compose[key];
        }

        File.WriteAllText(Path.Combine(environment["Hotline__SecretsDirectory"], "Hotline__Database__Password"), "a-password\n");
        File.WriteAllText(Path.Combine(environment["Hotline__SecretsDirectory"], "Hotline__Redis__Password"), "a-password\n");
        File.WriteAllText(Path.Combine(environment["Hotline__SecretsDirectory"], file), "\n");

        var outcome = await RunToExitAsync(PublishedApp.StartInfo(image, image.App, environment, image.Runtime.Entrypoint));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private static async Task AssertServesTheConsoleAsync(PublishedApp app)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        var page = await client.GetAsync("/console/", TestContext.Current.CancellationToken);
        var signalr = await client.GetAsync("/console/lib/signalr.min.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, signalr.StatusCode);
        Assert.NotNull(signalr.Headers.ETag);
        Assert.True(signalr.Headers.CacheControl?.NoCache, $"Cache-Control: {signalr.Headers.CacheControl}");
    }

    private static async Task<(int ExitCode, string StandardError)> RunToExitAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
