namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// What an API container gets from Compose, with SQLite in place of SQL Server and Redis: the image's ENV,
/// infra/.env (here infra/.env.example with the blanks an operator fills), compose.yaml's environment,
/// and its secrets as files in a folder standing for /run/secrets.
/// </summary>
public static class ComposeLikeEnvironment
{
    public const string PublicBaseUrl = "https://hotline.example.org";

    /// <summary>Settings about SQL Server and Redis, which the SQLite stand-in replaces.</summary>
    private static bool ReplacedBySqlite(string key) =>
        key.StartsWith("Hotline__Database__", StringComparison.Ordinal) || key.StartsWith("Hotline__Redis__", StringComparison.Ordinal);

    public static Dictionary<string, string> For(PublishedImage image, string folder, Func<string, string>? secretValue = null)
    {
        var environment = new Dictionary<string, string>(image.Runtime.Environment);
        foreach (var (key, value) in EnvExample())
        {
            environment[key] = value;
        }

        environment["Hotline__PublicBaseUrl"] = PublicBaseUrl;
        environment["Twilio__AccountSid"] = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        environment["Twilio__PhoneNumber"] = "+15005550006";

        // Twilio's API stands at a closed local port: nothing the test starts reaches the internet.
        environment["Twilio__ApiBaseUrl"] = "http://127.0.0.1:9/";
        var compose = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml"));
        foreach (var (key, value) in compose.Environment("api1").Where(e => !ReplacedBySqlite(e.Key)))
        {
            environment[key] = value;
        }

        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        PublishedImage.SetMode(data, (UnixFileMode)0b111_111_111);
        environment["Hotline__Database__Provider"] = "Sqlite";
        environment["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(data, "hotline.db")}";

        var secrets = Path.Combine(folder, "run-secrets");
        Directory.CreateDirectory(secrets);
        foreach (var (_, target) in compose.Secrets("api1").Where(s => !ReplacedBySqlite(s.Target)))
        {
            File.WriteAllText(Path.Combine(secrets, target), (secretValue ?? ValidSecret)(target) + "\n");
        }

        Assert.Equal("/run/secrets", environment["Hotline__SecretsDirectory"]);
        environment["Hotline__SecretsDirectory"] = secrets;
        return environment;
    }

    /// <summary>infra/.env.example's settings, as Compose's env_file reads them (blank values included).</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvExample() =>
        File.ReadLines(Path.Combine(PublishedImage.Infra, ".env.example"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair[1]));

    /// <summary>A value each secret accepts: the privacy and audit keys are base64 of 32 bytes, the rest any random text.</summary>
    public static string ValidSecret(string key) => key.StartsWith("Hotline__Privacy__", StringComparison.Ordinal) || key == "Hotline__Audit__Key"
        ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
