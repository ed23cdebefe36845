using System.Diagnostics;

namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/nginx/hotline.conf checked by `nginx -t` (Debian's nginx), inside an http block as the image's
/// nginx.conf includes it, with compose.yaml's mounts mapped onto a temporary folder and a self-signed
/// certificate made here. api1..api3 do not exist on this machine, as they need not when nginx starts.
/// </summary>
public sealed class NginxConfigTests : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-nginx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_site_configuration_passes_nginx_t_with_no_api_instance_resolvable()
    {
        Assert.SkipUnless(File.Exists(Nginx), $"{Nginx} is not installed (test.sh installs Debian's nginx).");
        var site = await MountedSiteAsync();
        var wrapper = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(wrapper, $$"""
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log;
            events {}
            http {
                include {{site}};
            }
            """);

        var outcome = await RunAsync(Nginx, "-t", "-c", wrapper, "-p", _folder);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("test is successful", outcome.Output);
    }

    /// <summary>The site file with each path compose.yaml mounts into the nginx container pointing at a folder here.</summary>
    private async Task<string> MountedSiteAsync()
    {
        var certificates = Path.Combine(_folder, "certs");
        var acme = Path.Combine(_folder, "acme");
        var logs = Path.Combine(_folder, "logs");
        foreach (var folder in new[] { certificates, acme, logs })
        {
            Directory.CreateDirectory(folder);
        }

        var volumes = ComposeFile.Read(Path.Combine(PublishedImage.Infra, "compose.yaml")).Strings("nginx", "volumes");
        Assert.Contains("./nginx/certs:/etc/nginx/certs:ro", volumes);
        Assert.Contains("./nginx/acme:/var/www/acme:ro", volumes);
        Assert.Contains("./nginx/site:/etc/nginx/conf.d:ro", volumes);

        var made = await RunAsync("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=hotline.test",
            "-keyout", Path.Combine(certificates, "privkey.pem"), "-out", Path.Combine(certificates, "fullchain.pem"));
        Assert.True(made.ExitCode == 0, made.Output);

        var site = Path.Combine(_folder, "default.conf");
        File.WriteAllText(site, File.ReadAllText(Path.Combine(PublishedImage.Infra, "nginx", "site", "hotline.conf"))
            .Replace("/etc/nginx/certs/", certificates + "/", StringComparison.Ordinal)
            .Replace("/var/www/acme", acme, StringComparison.Ordinal)
            .Replace("/var/log/nginx/", logs + "/", StringComparison.Ordinal));
        return site;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
