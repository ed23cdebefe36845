using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hotline.Api.Tests.Deployment;

/// <summary>infra/compose.yaml as YAML (merge keys applied), for what `docker compose config` would check if Docker were here.</summary>
public sealed class ComposeFile
{
    private readonly YamlMappingNode _root;

    private ComposeFile(YamlMappingNode root) => _root = root;

    public static ComposeFile Read(string path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(path));
        stream.Load(new MergingParser(new Parser(reader)));
        return new ComposeFile((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public IReadOnlyDictionary<string, YamlMappingNode> Services =>
        Mapping(_root, "services")!.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);

    public YamlMappingNode? TopLevel(string key) => Mapping(_root, key);

    public YamlMappingNode Service(string name) => Services[name];

    public IReadOnlyDictionary<string, string> Environment(string service) => Mapping(Service(service), "environment") is { } environment
        ? environment.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "")
        : new Dictionary<string, string>();

    /// <summary>The service's secrets as (source, file name under /run/secrets).</summary>
    public IReadOnlyList<(string Source, string Target)> Secrets(string service) =>
        Service(service).Children.TryGetValue(new YamlScalarNode("secrets"), out var secrets)
            ? [.. ((YamlSequenceNode)secrets).Children.Select(s => s switch
            {
                YamlScalarNode name => (name.Value!, name.Value!),
                YamlMappingNode mapping => (Scalar(mapping, "source")!, Scalar(mapping, "target") ?? Scalar(mapping, "source")!),
                _ => throw new InvalidOperationException("A secret is a name or a mapping."),
            })]
            : [];

    /// <summary>The health check's test as the arguments Docker runs (CMD form).</summary>
    public IReadOnlyList<string> HealthCheck(string service)
    {
        var test = (YamlSequenceNode)Mapping(Service(service), "healthcheck")!.Children[new YamlScalarNode("test")];
        var words = test.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
        return words[0] == "CMD" ? words[1..] : throw new InvalidOperationException($"{service}'s health check is not in the CMD form.");
    }

    /// <summary>A list of strings under a service (volumes, ports, cap_drop...); empty when absent.</summary>
    public IReadOnlyList<string> Strings(string service, string key) =>
        Service(service).Children.TryGetValue(new YamlScalarNode(key), out var list)
            ? [.. ((YamlSequenceNode)list).Children.Select(c => ((YamlScalarNode)c).Value!)]
            : [];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static YamlMappingNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;
}
