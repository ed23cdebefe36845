namespace Hotline.Api.Tests.SessionKeys;

/// <summary>Real processes on one database file: the key ring one start made, read by the next with other privacy keys.</summary>
public sealed class KeyRingStartTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-key-ring-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_start_whose_privacy_keys_cannot_decrypt_the_ring_stops_with_one_line_and_leaves_the_ring_as_it_was()
    {
        var first = await ApiProcess.RunAsync(Environment(TestKeys.Current), Timeout, ["database", "migrate"]);
        Assert.True(first.ExitCode == 0, first.StandardError);
        var ring = await RingAsync();

        var outcome = await ApiProcess.RunAsync(Environment(TestKeys.NewKey()), Timeout, ["database", "migrate"]);

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Hotline cannot start: The session key ring in the database does not decrypt with the configured privacy keys", line, StringComparison.Ordinal);
        Assert.Contains("does not decrypt under key 'test1'", line, StringComparison.Ordinal);
        Assert.Equal(ring, await RingAsync());
    }

    private Dictionary<string, string> Environment(string privacyKey) => new()
    {
        ["Hotline__Privacy__CurrentKeyId"] = "test1",
        ["Hotline__Privacy__Keys__test1"] = privacyKey,
        ["Hotline__Privacy__LookupKey"] = TestKeys.Lookup,
        ["Hotline__Audit__Key"] = TestKeys.Audit,
        ["Hotline__PublicBaseUrl"] = "https://hotline.example.org",
        ["Twilio__AuthToken"] = "an-auth-token",
        ["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(_folder, "hotline.db")}",
    };

    private async Task<string?> RingAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "hotline.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        return await connection.ExecuteScalarTextAsync("SELECT group_concat(FriendlyName || ' ' || XmlCipher, ';') FROM DataProtectionKeys");
    }
}
