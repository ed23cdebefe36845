namespace Hotline.Api.Tests.Deployment;

/// <summary>infra/nginx/site/hotline.conf checked by `nginx -t` (Debian's nginx). api1..api3 do not exist on this machine, as they need not when nginx starts.</summary>
public sealed class NginxConfigTests
{
    [Fact]
    public async Task The_site_configuration_passes_nginx_t_with_no_api_instance_resolvable()
    {
        Assert.SkipUnless(File.Exists(NginxSite.Nginx), $"{NginxSite.Nginx} is not installed (test.sh installs Debian's nginx).");
        using var site = await NginxSite.CreateAsync(new Dictionary<string, string>());

        var outcome = await NginxSite.RunAsync(NginxSite.Nginx, "-t", "-c", site.Configuration, "-p", site.Folder);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("test is successful", outcome.Output);
    }
}
