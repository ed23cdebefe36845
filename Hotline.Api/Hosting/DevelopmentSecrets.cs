namespace Hotline.Api.Hosting;

/// <summary>
/// Lets a fresh clone start in Development with no setup. The secrets it needs and nobody configured
/// (encryption keys, the audit key, a Twilio auth token for the simulator to sign with) are made once, kept in
/// App_Data (which git ignores) and reused at every later start, so the local database stays readable.
/// A value configured elsewhere always wins. Outside Development nothing is made: a missing secret
/// stops the start instead.
/// </summary>
public static class DevelopmentSecrets
{
    private const string FileName = "development-secrets.json";

    private static readonly TimeSpan HeldAtMost = TimeSpan.FromSeconds(30);

    public static void AddDevelopmentSecrets(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return;
        }

        var path = Path.Combine(builder.Environment.ContentRootPath, "App_Data", FileName);
        var secrets = Load(path);
        // The privacy keys only make sense as a set: any configured key means none is taken from the file.
        var privacyConfigured = !string.IsNullOrEmpty(builder.Configuration[$"{PrivacyOptions.Section}:CurrentKeyId"]);
        var missing = secrets
            .Where(s => IsPrivacy(s.Key) ? !privacyConfigured : string.IsNullOrEmpty(builder.Configuration[s.Key]))
            .ToDictionary();
        builder.Configuration.AddInMemoryCollection(missing);
    }

    private static bool IsPrivacy(string key) => key.StartsWith(PrivacyOptions.Section, StringComparison.Ordinal);

    /// <summary>
    /// Reads the file, adding what it lacks, while holding it exclusively: hosts starting at once on a fresh clone (the
    /// test suite starts many) each found no file, made their own keys and wrote them over each other, and one read
    /// another's half-written file. Now the first makes the keys and the others wait, then read and use the same ones.
    /// </summary>
    private static Dictionary<string, string?> Load(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = OpenExclusively(path);
        var secrets = file.Length == 0 ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(file) ?? [];
        // A secret added in a later version joins the file beside those already made, which stay as they are.
        var added = Made().Where(s => !secrets.ContainsKey(s.Key)).ToList();
        if (added.Count == 0)
        {
            return secrets;
        }

        foreach (var (key, value) in added)
        {
            secrets[key] = value;
        }

        file.SetLength(0);
        JsonSerializer.Serialize(file, secrets);
        file.Flush(flushToDisk: true);
        return secrets;
    }

    /// <summary>
    /// The file, held by this process alone, waiting while another start holds it: it holds it only to read and write a few
    /// hundred bytes. The wait blocks the thread: configuration is read synchronously while the host is built, before
    /// anything else runs.
    /// </summary>
    private static FileStream OpenExclusively(string path)
    {
        try
        {
            return ExclusiveFile.OpenAsync(path, HeldAtMost, firstWait: () => { }, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new IOException(
                $"The Development secrets ({path}) could not be opened for {HeldAtMost.TotalSeconds:0} s: another start holds them, or the folder cannot be written.",
                ex);
        }
    }

    private static Dictionary<string, string?> Made() => new()
    {
        [$"{PrivacyOptions.Section}:CurrentKeyId"] = "dev1",
        [$"{PrivacyOptions.Section}:Keys:dev1"] = NewKey(),
        [$"{PrivacyOptions.Section}:LookupKey"] = NewKey(),
        [$"{TwilioOptions.Section}:AuthToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        [$"{AuditOptions.Section}:Key"] = NewKey(),
    };

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
