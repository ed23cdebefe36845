using Hotline.Api.Tests.Twilio.Fakes;

namespace Hotline.Benchmarks;

/// <summary>
/// The Twilio side of an ingest run with photos. The hotline's account is a Twilio stand-in on 127.0.0.1 (the
/// tests' <see cref="FakeTwilioServer"/>): it serves each photo at its media URL only with the account's Basic
/// credentials, through a redirect to its CDN path as Twilio does, and takes the replies and the deletions.
/// A share of the new messages are MMS, each carrying one of three photos of about 1, 2 and 3 MB; the three
/// are made once and shared by every message, so the stand-in's memory stays flat however long the run.
/// </summary>
internal sealed class PhotoMessages : IAsyncDisposable
{
    public const string Flag = "--photos";
    public const double PhotoShare = 0.10;
    public const string ContentType = "image/jpeg";

    // Noise JPEGs at quality 90 take about 0.85 bytes a pixel: these come to about 1, 2 and 3 MB.
    private static readonly Lazy<byte[][]> Photos = new(() =>
        [NoisePhoto.Jpeg(1280, 960, seed: 1), NoisePhoto.Jpeg(1800, 1350, seed: 2), NoisePhoto.Jpeg(2200, 1650, seed: 3)]);

    private readonly FakeTwilioServer _twilio;
    private readonly Random _random;
    private int _attached;

    private PhotoMessages(FakeTwilioServer twilio, double share, int seed)
    {
        _twilio = twilio;
        Share = share;
        _random = new Random(seed);
    }

    /// <summary>The share of new messages that carry a photo; 0 for the same stand-in without photos, to compare against.</summary>
    public double Share { get; }

    public string AccountSid => _twilio.AccountSid;

    public string AuthToken => _twilio.AuthToken;

    /// <summary>The hotline's settings that make the stand-in its Twilio account (a benchmark's API runs with Twilio off otherwise).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Twilio__Enabled"] = "true",
        ["Twilio__AccountSid"] = _twilio.AccountSid,
        ["Twilio__AuthToken"] = _twilio.AuthToken,
        ["Twilio__ApiBaseUrl"] = _twilio.BaseUrl.ToString(),
        ["Twilio__PhoneNumber"] = SignedSmsWebhooks.To,
    };

    /// <summary>Messages given a photo so far.</summary>
    public int Attached => Volatile.Read(ref _attached);

    /// <summary>Photos fetched from the stand-in with the account's credentials.</summary>
    public int Fetched => _twilio.MediaRequests.Count;

    /// <summary>Photos deleted at the stand-in once the hotline had kept them.</summary>
    public int Deleted => _twilio.DeletedMedia.Count;

    public static string Describe() =>
        $"{PhotoShare:P0} of new messages are MMS carrying one JPEG of {string.Join(", ", Photos.Value.Select(p => $"{p.Length / (1024.0 * 1024):F1}"))} MB";

    public static async Task<PhotoMessages> StartAsync(double share, int seed) =>
        new(await FakeTwilioServer.StartAsync(
            "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))), share, seed);

    /// <summary>Whether the next new message carries a photo; drawn from its own random, so the run's other choices stay as without photos.</summary>
    public bool NextCarriesPhoto()
    {
        lock (_random)
        {
            return _random.NextDouble() < Share;
        }
    }

    /// <summary>One of the photos, attached to <paramref name="messageSid"/> at the stand-in; its link as Twilio puts it in the webhook.</summary>
    public string Attach(string messageSid)
    {
        var number = Interlocked.Increment(ref _attached);
        var photos = Photos.Value;
        return _twilio.AddMedia(messageSid, photos[number % photos.Length], ContentType);
    }

    public ValueTask DisposeAsync() => _twilio.DisposeAsync();
}
