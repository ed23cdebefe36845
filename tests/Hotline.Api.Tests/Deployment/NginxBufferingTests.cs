namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/nginx/site/hotline.conf and compose.yaml's nginx: what passes through the proxy (a webhook with the
/// person's number and words, a decrypted photo, the issued-SIM list) is held in memory and never written to
/// nginx's disk, where no retention or erasure reaches it. nginx writes a request body larger than
/// client_body_buffer_size to client_temp, and a response that outgrows its buffers to proxy_temp.
/// </summary>
public sealed class NginxBufferingTests
{
    private static readonly NginxDirectives Site =
        NginxDirectives.Parse(File.ReadAllText(Path.Combine(PublishedImage.Infra, "nginx", "site", "hotline.conf")));

    // nginx's own defaults (64-bit): client_max_body_size 1m, client_body_buffer_size 16k, proxy_max_temp_file_size 1024m.
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["client_max_body_size"] = "1m",
        ["client_body_buffer_size"] = "16k",
        ["proxy_max_temp_file_size"] = "1024m",
    };

    public static TheoryData<string> Locations => [.. ProxyingLocations().Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Locations))]
    public void A_request_body_the_location_accepts_fits_in_memory(string location)
    {
        var (server, block) = ProxyingLocations().Single(l => l.Name == location).Blocks;

        Assert.True(Bytes(Effective("client_body_buffer_size", server, block)) >= Bytes(Effective("client_max_body_size", server, block)),
            $"{location}: a body up to client_max_body_size {Effective("client_max_body_size", server, block)} would spill to client_temp "
            + $"past client_body_buffer_size {Effective("client_body_buffer_size", server, block)}.");
    }

    [Theory]
    [MemberData(nameof(Locations))]
    public void A_response_is_never_written_to_a_temporary_file(string location)
    {
        var (server, block) = ProxyingLocations().Single(l => l.Name == location).Blocks;

        Assert.Equal("0", Effective("proxy_max_temp_file_size", server, block));
    }

    [Fact]
    public void The_sim_import_and_every_other_proxied_location_are_checked()
    {
        Assert.Equal(["/", "= /api/admin/sims", "/hubs/", "@any"], ProxyingLocations().Select(l => l.Name));
    }

    [Fact]
    public void Compose_keeps_nginxs_cache_and_temporary_files_in_memory()
    {
        var compose = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml"));

        Assert.Equal(["/var/cache/nginx"], compose.Strings("nginx", "tmpfs"));
    }

    private static IEnumerable<(string Name, (NginxDirectives Server, NginxDirectives Location) Blocks)> ProxyingLocations() =>
        Site.All("server")
            .SelectMany(server => server.All("location").Select(location => (server, location)))
            .Where(l => l.location.All("proxy_pass").Any())
            .Select(l => (string.Join(' ', l.location.Arguments), (l.server, l.location)));

    private static string Effective(string name, NginxDirectives server, NginxDirectives location) =>
        (location.Own(name) ?? server.Own(name) ?? Site.Own(name))?.Single() ?? Defaults[name];

    private static long Bytes(string size) => char.ToLowerInvariant(size[^1]) switch
    {
        'k' => long.Parse(size[..^1]) * 1024,
        'm' => long.Parse(size[..^1]) * 1024 * 1024,
        'g' => long.Parse(size[..^1]) * 1024 * 1024 * 1024,
        _ => long.Parse(size),
    };
}
