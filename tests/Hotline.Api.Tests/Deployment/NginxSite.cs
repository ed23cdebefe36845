namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/nginx/site/hotline.conf set up to run here under Debian's nginx, inside an http block as the
/// image's nginx.conf includes it: compose.yaml's mounts mapped onto a temporary folder, a self-signed
/// certificate made with openssl, and whatever else a test maps (ports, the resolver).
/// </summary>
public sealed class NginxSite : IDisposable
{
    public const string Nginx = "/usr/sbin/nginx";

    private NginxSite(string folder) => Folder = folder;

    public string Folder { get; }

    public string Configuration => Path.Combine(Folder, "nginx.conf");

    /// <summary>nginx's error log, at warn: it says there when it writes a request or response body to a temporary file.</summary>
    public string ErrorLog => Path.Combine(Folder, "error.log");

    public static async Task<NginxSite> CreateAsync(IReadOnlyDictionary<string, string> replacements)
    {
        var site = new NginxSite(PublishedImage.WorldReadableTemporaryFolder("hotline-nginx-"));
        var certificates = Path.Combine(site.Folder, "certs");
        var acme = Path.Combine(site.Folder, "acme");
        var logs = Path.Combine(site.Folder, "logs");
        foreach (var folder in new[] { certificates, acme, logs })
        {
            Directory.CreateDirectory(folder);
        }

        var volumes = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml")).Strings("nginx", "volumes");
        Assert.Contains("./nginx/site:/etc/nginx/conf.d:ro", volumes);
        Assert.Contains("./nginx/certs:/etc/nginx/certs:ro", volumes);
        Assert.Contains("./nginx/acme:/var/www/acme:ro", volumes);

        var made = await RunAsync("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=hotline.test",
            "-keyout", Path.Combine(certificates, "privkey.pem"), "-out", Path.Combine(certificates, "fullchain.pem"));
        Assert.True(made.ExitCode == 0, made.Output);

        var text = File.ReadAllText(Path.Combine(PublishedImage.Infra, "nginx", "site", "hotline.conf"))
            .Replace("/etc/nginx/certs/", certificates + "/", StringComparison.Ordinal)
            .Replace("/var/www/acme", acme, StringComparison.Ordinal)
            .Replace("/var/log/nginx/", logs + "/", StringComparison.Ordinal);
        foreach (var (from, to) in replacements)
        {
            Assert.Contains(from, text);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(Path.Combine(site.Folder, "default.conf"), text);
        File.WriteAllText(site.Configuration, $$"""
            pid {{site.Folder}}/nginx.pid;
            error_log {{site.Folder}}/error.log warn;
            events {}
            http {
                client_body_temp_path {{site.Folder}}/client_temp;
                proxy_temp_path {{site.Folder}}/proxy_temp;
                include {{site.Folder}}/default.conf;
            }
            """);
        return site;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
