namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/upgrade.sh run against a stand-in `docker` that records each call and reports every container
/// healthy, except those a test names: what a rolling upgrade asks of Docker, in order.
/// </summary>
public sealed class UpgradeScriptTests : IDisposable
{
    private const string FakeDocker = """
        #!/bin/sh
        echo "$*" >> "$DOCKER_CALLS"
        case "$*" in
          *" ps -q "*) echo "container-${*##* }" ;;
          "inspect "*) service=${*##*container-}; case " $UNHEALTHY " in *" $service "*) echo unhealthy ;; *) echo healthy ;; esac ;;
        esac
        exit 0
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-upgrade-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task It_replaces_the_api_instances_one_at_a_time_each_after_the_one_before_is_healthy()
    {
        var outcome = await UpgradeAsync("new222");

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Equal(
        [
            "compose -f compose.yaml up -d --no-deps api1", "compose -f compose.yaml ps -q api1", "inspect container-api1",
            "compose -f compose.yaml up -d --no-deps api2", "compose -f compose.yaml ps -q api2", "inspect container-api2",
            "compose -f compose.yaml up -d --no-deps api3", "compose -f compose.yaml ps -q api3", "inspect container-api3",
            "compose -f compose.yaml up -d --no-deps --no-recreate nginx", "compose -f compose.yaml exec nginx nginx -s reload",
        ], Calls().SkipWhile(c => !c.EndsWith("up -d --no-deps api1", StringComparison.Ordinal)).Select(WithoutFormat));
    }

    [Fact]
    public async Task It_starts_the_database_and_redis_without_recreating_them_then_migrates_as_the_migrator_before_any_instance()
    {
        await UpgradeAsync("new222");

        Assert.Equal(
        [
            "image inspect hotline-api:new222",
            "compose -f compose.yaml up -d --no-recreate sqlserver redis",
            "compose -f compose.yaml ps -q sqlserver", "inspect container-sqlserver",
            "compose -f compose.yaml ps -q redis", "inspect container-redis",
            "compose -f compose.yaml run --rm --no-deps db-init",
            "compose -f compose.yaml run --rm --no-deps migrate",
            "compose -f compose.yaml run --rm --no-deps db-grant",
        ], Calls().TakeWhile(c => !c.EndsWith("up -d --no-deps api1", StringComparison.Ordinal)).Select(WithoutFormat));
    }

    [Fact]
    public async Task It_records_the_rolled_out_tag_in_the_env_file()
    {
        await UpgradeAsync("new222");

        Assert.Contains("HOTLINE_API_TAG=new222", File.ReadAllLines(Path.Combine(_folder, "infra", ".env")));
    }

    [Fact]
    public async Task An_instance_that_does_not_become_healthy_stops_the_rollout_and_names_the_rollback()
    {
        var outcome = await UpgradeAsync("new222", unhealthy: "api2");

        Assert.Equal(1, outcome.ExitCode);
        Assert.DoesNotContain(Calls(), c => c.EndsWith("api3", StringComparison.Ordinal));
        Assert.Contains("infra/upgrade.sh old111", outcome.Output);
    }

    private async Task<(int ExitCode, string Output)> UpgradeAsync(string tag, string unhealthy = "")
    {
        var infra = Path.Combine(_folder, "infra");
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(infra);
        Directory.CreateDirectory(bin);
        File.Copy(Path.Combine(PublishedImage.Infra, "upgrade.sh"), Path.Combine(infra, "upgrade.sh"));
        File.WriteAllText(Path.Combine(infra, ".env"), "HOTLINE_API_TAG=old111\nHotline__PublicBaseUrl=https://hotline.example.org\n");
        File.WriteAllText(Path.Combine(bin, "docker"), FakeDocker.ReplaceLineEndings("\n") + "\n");
        PublishedImage.SetMode(Path.Combine(bin, "docker"), (UnixFileMode)0b111_101_101);

        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(infra, "upgrade.sh"), tag])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        start.Environment["DOCKER_CALLS"] = Path.Combine(_folder, "calls");
        start.Environment["UNHEALTHY"] = unhealthy;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private string[] Calls() => File.ReadAllLines(Path.Combine(_folder, "calls"));

    /// <summary>`docker inspect -f '{{...}}' ID` shortened to `inspect ID`.</summary>
    private static string WithoutFormat(string call) =>
        call.StartsWith("inspect -f ", StringComparison.Ordinal) ? $"inspect {call[(call.LastIndexOf(' ') + 1)..]}" : call;
}
