using YamlDotNet.RepresentationModel;

namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/compose.yaml read as YAML: what `docker compose config` cannot show without Docker and a review
/// easily misses. The API instances are the three services built from infra/Dockerfile.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml"));
    private static readonly string[] ApiInstances = ["api1", "api2", "api3"];

    [Fact]
    public void Every_image_is_pinned_and_the_api_image_is_tagged_by_the_deployed_commit()
    {
        var images = Compose.Services.ToDictionary(s => s.Key, s => ComposeFile.Scalar(s.Value, "image"));

        Assert.Equal(new Dictionary<string, string?>
        {
            ["sqlserver"] = "mcr.microsoft.com/mssql/server:2022-CU21-ubuntu-22.04",
            ["db-init"] = "mcr.microsoft.com/mssql/server:2022-CU21-ubuntu-22.04",
            ["migrate"] = ApiImage,
            ["db-grant"] = "mcr.microsoft.com/mssql/server:2022-CU21-ubuntu-22.04",
            ["redis"] = "redis:7.4.6-alpine",
            ["api1"] = ApiImage,
            ["api2"] = ApiImage,
            ["api3"] = ApiImage,
            ["prometheus"] = "prom/prometheus:v2.53.4",
            ["nginx"] = "nginx:1.28.0-alpine",
        }, images);
    }

    private const string ApiImage = "hotline-api:${HOTLINE_API_TAG:?run infra/upgrade.sh, which builds the image and sets HOTLINE_API_TAG in infra/.env}";

    [Theory]
    [InlineData("api1", "45s")]
    [InlineData("api2", "45s")]
    [InlineData("api3", "45s")]
    [InlineData("sqlserver", "60s")]
    [InlineData("nginx", "30s")]
    public void Services_that_finish_work_on_shutdown_get_longer_than_dockers_ten_seconds(string service, string grace)
    {
        Assert.Equal(grace, ComposeFile.Scalar(Compose.Service(service), "stop_grace_period"));
    }

    [Fact]
    public void No_secret_reaches_an_environment_variable_or_a_command_line()
    {
        foreach (var (name, service) in Compose.Services)
        {
            var exposed = Compose.Environment(name).Where(e => SecretName().IsMatch(e.Key) || SecretInterpolation().IsMatch(e.Value)).Select(e => e.Key);
            Assert.True(!exposed.Any(), $"{name} gets {string.Join(", ", exposed)} in its environment.");
            var command = string.Join(" ", Compose.Strings(name, "command").Concat(Compose.Strings(name, "entrypoint")));
            Assert.DoesNotMatch(SecretInterpolation(), command);
        }
    }

    [Fact]
    public void Every_secret_is_a_file_in_the_git_ignored_secrets_folder()
    {
        var secrets = Compose.TopLevel("secrets")!.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ComposeFile.Scalar((YamlMappingNode)c.Value, "file"));

        Assert.All(secrets, secret => Assert.Equal($"./secrets/{secret.Key}", secret.Value));
        Assert.Contains("secrets/", File.ReadAllLines(Path.Combine(PublishedImage.Infra, ".gitignore")));
    }

    [Fact]
    public void The_api_instances_read_their_secrets_as_settings_named_by_file()
    {
        Assert.All(ApiInstances, api =>
        {
            Assert.Equal("/run/secrets", Compose.Environment(api)["Hotline__SecretsDirectory"]);
            Assert.Equal(
                ["Hotline__Database__Password", "Hotline__Redis__Password", "Hotline__Privacy__Keys__k1", "Hotline__Privacy__LookupKey", "Hotline__Audit__Key",
                    "Twilio__AuthToken"],
                Compose.Secrets(api).Select(s => s.Target));
        });
    }

    [Fact]
    public void Every_api_instance_has_the_health_check_and_nginx_waits_for_none_of_them()
    {
        Assert.All(ApiInstances, api => Assert.Equal("bash", Compose.HealthCheck(api)[0]));
        Assert.False(Compose.Service("nginx").Children.ContainsKey(new YamlScalarNode("depends_on")), "nginx would be restarted with every API instance.");
    }

    [Fact]
    public void Prometheus_alone_shares_the_monitoring_network_that_the_api_instances_serve_metrics_to()
    {
        var subnet = ComposeFile.Scalar((YamlMappingNode)((YamlSequenceNode)ComposeFile.Mapping(
            ComposeFile.Mapping(Compose.TopLevel("networks")!, "monitoring")!, "ipam")!["config"]).Children[0], "subnet");

        Assert.Equal("172.30.90.0/24", subnet);
        Assert.All(ApiInstances, api => Assert.Equal(subnet, Compose.Environment(api)["Hotline__Metrics__AllowedNetworks"]));
        Assert.Equal([.. ApiInstances, "prometheus"],
            Compose.Services.Where(s => Networks(s.Value).Contains("monitoring")).Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["monitoring"], Networks(Compose.Service("prometheus")));
        Assert.False(Compose.Service("prometheus").Children.ContainsKey(new YamlScalarNode("ports")), "Prometheus would be reachable from outside.");
    }

    private static List<string> Networks(YamlMappingNode service) => service.Children.TryGetValue(new YamlScalarNode("networks"), out var networks)
        ? networks switch
        {
            YamlSequenceNode list => list.Children.Select(n => ((YamlScalarNode)n).Value!).ToList(),
            YamlMappingNode map => map.Children.Keys.Select(n => ((YamlScalarNode)n).Value!).ToList(),
            _ => [],
        }
        : [];

    [Fact]
    public void Backups_go_to_their_own_host_folder_not_the_data_volume()
    {
        Assert.Contains("${HOTLINE_BACKUP_DIR:?set HOTLINE_BACKUP_DIR in infra/.env}:/var/opt/mssql/backup", Compose.Strings("sqlserver", "volumes"));
    }

    [Fact]
    public void The_api_instances_share_one_volume_of_evidence_and_no_folder_of_session_keys()
    {
        Assert.All(ApiInstances, api => Assert.Equal(
            ["${HOTLINE_MEDIA_DIR:?set HOTLINE_MEDIA_DIR in infra/.env}:/var/lib/hotline/media"],
            Compose.Strings(api, "volumes")));
    }

    [Fact]
    public void The_env_example_holds_no_secret_and_leaves_what_an_operator_must_choose_blank()
    {
        var settings = ComposeLikeEnvironment.EnvExample().ToDictionary();

        Assert.DoesNotContain(settings.Keys, SecretName().IsMatch);
        Assert.All(new[] { "HOTLINE_API_TAG", "HOTLINE_BACKUP_DIR", "HOTLINE_MEDIA_DIR", "Hotline__PublicBaseUrl", "Twilio__AccountSid", "Twilio__PhoneNumber" },
            key => Assert.Equal("", settings[key]));
        Assert.Equal("true", settings["Twilio__Reconciliation__Enabled"]);
    }

    [GeneratedRegex("PASSWORD|AuthToken|AppPassword|Privacy__Keys|LookupKey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\$\{[A-Z_]*(PASSWORD|TOKEN|SECRET)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInterpolation();
}
