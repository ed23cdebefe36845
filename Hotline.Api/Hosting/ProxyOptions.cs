using System.Net;

namespace Hotline.Api.Hosting;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. Only a request arriving from one of
/// them has its client address and scheme taken from those headers; from anywhere else they are ignored, since any
/// caller can write them. With neither set, no forwarded header is believed at all.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Hotline:Proxy";

    /// <summary>Addresses of the proxies, separated by commas (e.g. <c>10.0.0.5, 10.0.0.6</c>).</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks the proxies are in, in CIDR form separated by commas (e.g. <c>172.28.0.0/24</c>).</summary>
    public string KnownNetworks { get; set; } = "";

    public IReadOnlyList<IPAddress> Proxies => Split(KnownProxies).Select(IPAddress.Parse).ToList();

    public IReadOnlyList<IPNetwork> Networks => Split(KnownNetworks).Select(n => IPNetwork.Parse(n)).ToList();

    public bool AnyTrusted => Split(KnownProxies).Length + Split(KnownNetworks).Length > 0;

    internal static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
        ProxyOptions.Split(options.KnownProxies).FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } proxy
            ? ValidateOptionsResult.Fail($"{ProxyOptions.Section}:KnownProxies: '{proxy}' is not an IP address.")
            : ProxyOptions.Split(options.KnownNetworks).FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } network
                ? ValidateOptionsResult.Fail($"{ProxyOptions.Section}:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8).")
                : ValidateOptionsResult.Success;
}
