using System.Security.Cryptography;
using Hotline.Api.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>Keys made fresh for each test run: none is ever written into the repository.</summary>
public static class TestKeys
{
    public static readonly string Current = NewKey();
    public static readonly string Lookup = NewKey();
    public static readonly string Audit = NewKey();

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
