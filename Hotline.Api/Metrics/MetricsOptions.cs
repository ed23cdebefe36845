using System.Net;

namespace Hotline.Api.Metrics;

public sealed class MetricsOptions
{
    public const string Section = "Hotline:Metrics";

    /// <summary>
    /// Comma-separated networks (CIDR) whose requests may read <c>/metrics</c>; any other caller gets 404. Loopback
    /// only by default, so a public address never sees the counts unless an operator names a network.
    /// </summary>
    public string AllowedNetworks { get; set; } = "127.0.0.0/8,::1/128";

    /// <summary>How often the queue and outbox gauges are read from the database.</summary>
    public int SampleSeconds { get; set; } = 15;

    public IReadOnlyList<IPNetwork> Networks() =>
        AllowedNetworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse).ToList();
}

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var bad = options.AllowedNetworks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(network => !IPNetwork.TryParse(network, out _)).ToList();
        if (bad.Count > 0)
        {
            return ValidateOptionsResult.Fail($"{MetricsOptions.Section}:AllowedNetworks holds something that is not a network in CIDR form: {string.Join(", ", bad)}.");
        }

        return options.SampleSeconds is < 1 or > 3600
            ? ValidateOptionsResult.Fail($"{MetricsOptions.Section}:SampleSeconds must be between 1 and 3600; it is {options.SampleSeconds}.")
            : ValidateOptionsResult.Success;
    }
}
