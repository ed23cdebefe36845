using Microsoft.AspNetCore.Hosting;

namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// infra/nginx/site/hotline.conf running under Debian's nginx while API instances come and go, as in a
/// rolling upgrade: a stand-in for Docker's DNS says where api1..api3 and their shared alias "api" are;
/// one address (127.0.0.2) has nothing listening, like a stopped container; one (127.0.0.3) answers and
/// records what reached it.
/// </summary>
public sealed class NginxRoutingTests : IAsyncLifetime
{
    private static readonly IPAddress Down = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Up = IPAddress.Parse("127.0.0.3");

    private readonly StandInDns _dns = new();
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication? _instance;
    private NginxSite? _site;
    private Process? _nginx;
    private HttpClient? _client;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(File.Exists(NginxSite.Nginx), $"{NginxSite.Nginx} is not installed (test.sh installs Debian's nginx).");
        var instancePort = FreePort(Up);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(Up, instancePort));
        _instance = builder.Build();
        _instance.Run(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api/cases/1/media"))
            {
                // A photo larger than nginx's proxy buffers (8 of 4 KB by default).
                await context.Response.Body.WriteAsync(new byte[256 * 1024]);
                return;
            }

            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue($"{context.Request.Method} {context.Request.Path} {await reader.ReadToEndAsync()}".TrimEnd());
            await context.Response.WriteAsync("instance that is up");
        });
        await _instance.StartAsync();

        var https = FreePort(IPAddress.Loopback);
        _site = await NginxSite.CreateAsync(new Dictionary<string, string>
        {
            ["resolver 127.0.0.11 "] = $"resolver 127.0.0.1:{_dns.Port} ",
            [":8080;"] = $":{instancePort};",
            ["listen 80 default_server;"] = $"listen 127.0.0.1:{FreePort(IPAddress.Loopback)} default_server;",
            ["listen 443 ssl http2 default_server;"] = $"listen 127.0.0.1:{https} ssl http2 default_server;",
        });
        var user = Environment.UserName == "root" ? "user nobody nogroup; " : "";
        _nginx = Process.Start(new ProcessStartInfo(NginxSite.Nginx, ["-c", _site.Configuration, "-p", _site.Folder, "-g", $"{user}daemon off;"])
        {
            RedirectStandardError = true,
        })!;
        // The certificate is the self-signed one the test just made.
        _client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            BaseAddress = new Uri($"https://127.0.0.1:{https}/"),
        };
        await WaitUntilListeningAsync(https);
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        _client?.Dispose();
        _site?.Dispose();
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }

        _dns.Dispose();
    }

    [Fact]
    public async Task A_webhook_whose_instance_refuses_reaches_an_instance_that_is_up()
    {
        _dns.Set(new() { ["api1"] = [Down], ["api2"] = [Down], ["api3"] = [Down], ["api"] = [Down, Up] });

        var response = await PostAsync("/twilio/sms", "Body=help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["POST /twilio/sms Body=help"], _received);
    }

    [Fact]
    public async Task A_webhook_whose_instance_is_gone_from_dns_reaches_an_instance_that_is_up()
    {
        _dns.Set(new() { ["api"] = [Up] });

        var response = await PostAsync("/twilio/sms", "Body=help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["POST /twilio/sms Body=help"], _received);
    }

    [Fact]
    public async Task A_console_post_whose_instance_refuses_is_not_sent_to_another_instance()
    {
        _dns.Set(new() { ["api1"] = [Down], ["api2"] = [Down], ["api3"] = [Down], ["api"] = [Down, Up] });

        var response = await PostAsync("/api/cases/1/replies", "{}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Started_with_no_instance_resolvable_it_serves_once_one_appears()
    {
        var before = await _client!.GetAsync("/health", TestContext.Current.CancellationToken);
        _dns.Set(new() { ["api1"] = [Up], ["api2"] = [Up], ["api3"] = [Up], ["api"] = [Up] });

        // Names are cached for up to 5 s (resolver valid=5s).
        await Poll.UntilAsync(async () => (await _client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK,
            "nginx to resolve the instance that appeared and pass /health to it", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.BadGateway, before.StatusCode);
    }

    [Fact]
    public async Task A_long_webhook_and_a_large_photo_pass_through_without_being_written_to_nginxs_disk()
    {
        _dns.Set(new() { ["api1"] = [Up], ["api2"] = [Up], ["api3"] = [Up], ["api"] = [Up] });
        var longText = "Body=" + new string('x', 20 * 1024);

        var webhook = await PostAsync("/twilio/sms", longText);
        var photo = await _client!.GetByteArrayAsync("/api/cases/1/media/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal([$"POST /twilio/sms {longText}"], _received);
        Assert.Equal(256 * 1024, photo.Length);
        // nginx unlinks a temporary file as it creates it, so none is left to find; it says at warn that it wrote one.
        // A client that reads as fast as this one never makes nginx spool a response: NginxBufferingTests checks
        // proxy_max_temp_file_size for that; here the request body is what would have been written.
        Assert.DoesNotContain("buffered to a temporary file", await File.ReadAllTextAsync(_site!.ErrorLog, TestContext.Current.CancellationToken));
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _client!.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (!_nginx!.HasExited)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"nginx did not listen: {await _nginx!.StandardError.ReadToEndAsync()}");
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
