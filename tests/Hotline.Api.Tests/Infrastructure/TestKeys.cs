using System.Security.Cryptography;
using Hotline.Api.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Keys made fresh for each test run: none is ever written into the repository. A process that a test starts from
/// this assembly to share its database (<see cref="PassTo"/>) takes its parent's keys: with keys of its own it could
/// read nothing the parent sealed, and its start would refuse the parent's session key ring.
/// </summary>
public static class TestKeys
{
    private const string InheritedVariable = "HOTLINE_TEST_RUN_KEYS";

    private static readonly string[] RunKeys = Environment.GetEnvironmentVariable(InheritedVariable)?.Split(' ') ?? [NewKey(), NewKey(), NewKey()];

    public static readonly string Current = RunKeys[0];
    public static readonly string Lookup = RunKeys[1];
    public static readonly string Audit = RunKeys[2];

    /// <summary>Gives a child process this run's keys (through its environment, never a file or its command line).</summary>
    public static void PassTo(System.Diagnostics.ProcessStartInfo start) =>
        start.Environment[InheritedVariable] = string.Join(' ', Current, Lookup, Audit);

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static PrivacyOptions Options(string keyId = "test1") => new()
    {
        CurrentKeyId = keyId,
        Keys = new Dictionary<string, string> { [keyId] = Current },
        LookupKey = Lookup,
    };

    public static FieldProtector Protector() => Protector(Options());

    public static FieldProtector Protector(PrivacyOptions options) =>
        new(Microsoft.Extensions.Options.Options.Create(options), NullLogger<FieldProtector>.Instance);

    public static AddressHasher Hasher() => new(Microsoft.Extensions.Options.Options.Create(Options()));

    public static IEnumerable<KeyValuePair<string, string?>> AsConfiguration(string keyId = "test1") =>
    [
        new("Hotline:Privacy:CurrentKeyId", keyId),
        new($"Hotline:Privacy:Keys:{keyId}", Current),
        new("Hotline:Privacy:LookupKey", Lookup),
        new("Hotline:Audit:Key", Audit),
    ];
}
