using Hotline.Api.BotConnector;
using Hotline.Api.Media;
using Hotline.Api.Privacy;
using Hotline.Api.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Hotline.Benchmarks;

/// <summary>
/// The media job's work on one photo of about 5 MB (Twilio's largest MMS): download it over HTTP from a local
/// stand-in for Twilio's media URL (with the product's downloader, limits and all), inspect it (type, header,
/// decode), hash it, make the stripped upright copy, read its EXIF, and write both copies encrypted to the
/// media store. The median of several runs.
/// </summary>
/// <remarks>
/// Target: under 3 s a photo. The work is off the webhook's path, so it sets no one's wait; what it must do
/// is keep up. At 3 s one instance handles 1,200 photos an hour, far above a hotline's arrival rate, and one
/// item stays far inside its 120 s lease.
/// </remarks>
internal static class MediaBenchmark
{
    public const string Name = "media";
    public const string Usage = "media [runs=5]";
    private const int DefaultRuns = 5;
    private const double TargetSeconds = 3;
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    public static async Task<int> RunAsync(string[] args, BenchmarkTargets targets)
    {
        if (!BenchmarkArguments.TryParse(args, 0, DefaultRuns, 1, 100, out var runs))
        {
            return BenchmarkArguments.Refuse(Usage);
        }

        // About 5 MB: Twilio's largest MMS.
        var photo = NoisePhoto.Jpeg(2800, 2100, seed: 20);
        await using var server = await ServeAsync(photo);
        var folder = Directory.CreateTempSubdirectory("hotline-media-bench-").FullName;
        try
        {
            var (downloader, keeper, origin) = Parts(server.Url, folder);
            Console.WriteLine($"media: a {photo.Length / (1024.0 * 1024):F1} MB JPEG, fetched, inspected, hashed, stripped and stored encrypted, {runs} runs");
            var seconds = new List<double>();
            for (var run = 0; run < runs + 1; run++)
            {
                var clock = Stopwatch.StartNew();
                using var fetched = (MediaDownload.Fetched)await downloader.DownloadAsync(origin, CancellationToken.None);
                var kept = (MediaInspection.Keep)await keeper.KeepAsync(Guid.Empty, Guid.NewGuid(), MediaTypes.Jpeg, fetched.Body, CancellationToken.None);
                clock.Stop();
                // The first run warms up the JIT and the connection; it is not counted.
                if (run > 0)
                {
                    seconds.Add(clock.Elapsed.TotalSeconds);
                    Console.WriteLine($"  run {run}: {clock.Elapsed.TotalMilliseconds:N0} ms ({kept.Media.Width} x {kept.Media.Height}, stripped copy kept: {kept.Media.HasView})");
                }
            }

            seconds.Sort();
            var median = seconds[seconds.Count / 2];
            Console.WriteLine();
            targets.Check(Name, $"a ~5 MB photo fetched, hashed, stripped and stored under {TargetSeconds:N0} s (median)", median < TargetSeconds,
                $"median {median * 1000:N0} ms, slowest {seconds[^1] * 1000:N0} ms");
            return BenchmarkTargets.Completed;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The product's own parts, with the media lane at its production priority (nice 19), as the job uses them.</summary>
    private static (MediaDownloader, MediaKeeper, MediaOrigin) Parts(Uri twilioBase, string folder)
    {
        var media = Options.Create(new MediaOptions { Path = folder });
        var twilio = Options.Create(new TwilioOptions { AccountSid = AccountSid, AuthToken = "token", ApiBaseUrl = twilioBase.ToString() });
        var bot = Options.Create(new BotOptions());
        var privacy = Options.Create(new PrivacyOptions
        {
            CurrentKeyId = "bench",
            Keys = new Dictionary<string, string> { ["bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            LookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        var buffers = new MediaBuffers(media);
        var downloader = new MediaDownloader(new MediaHttp(media), buffers, new BotTokenClient(new BotHttp(bot), bot, TimeProvider.System), bot, twilio, media);
        var store = new MediaStore(new FieldProtector(privacy, Microsoft.Extensions.Logging.Abstractions.NullLogger<FieldProtector>.Instance), media, new HostingEnvironment { ContentRootPath = folder });
        var url = $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/MM{new string('1', 32)}/Media/ME{new string('2', 32)}";
        var origin = MediaOrigin.Of(new MediaSource(url, MediaTypes.Jpeg, null), twilio.Value, simulatorTwilioBaseUrl: null)!;
        var workers = new MediaWorkers(media, Microsoft.Extensions.Logging.Abstractions.NullLogger<MediaWorkers>.Instance);
        return (downloader, new MediaKeeper(new MediaInspector(media), store, buffers, workers), origin);
    }

    private static async Task<PhotoServer> ServeAsync(byte[] photo)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(async context =>
        {
            context.Response.ContentType = MediaTypes.Jpeg;
            await context.Response.Body.WriteAsync(photo);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PhotoServer(app, new Uri(address));
    }

    private sealed record PhotoServer(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
