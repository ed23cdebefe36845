namespace Hotline.Api.Media;

/// <summary>
/// How attachments are fetched and kept (docs/evidence.md). The limits are checked on the bytes, not on
/// what the sender claims: the size while the download streams, the type by its first bytes, an image's
/// pixels from its header before anything decodes it.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Hotline:Media";

    /// <summary>The media store's folder (a mounted volume in production); relative to the content root.</summary>
    public string Path { get; set; } = "App_Data/media";

    /// <summary>Whether this instance fetches attachments; off for an instance that should only take webhooks and serve consoles.</summary>
    public bool RunFetcher { get; set; } = true;

    /// <summary>Twilio's own limit for a message's media is 5 MB; WhatsApp documents reach more.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A photo above this many pixels is refused before it is decoded: a small file can claim a huge image.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Hosts a media link may redirect to, besides Twilio's API host itself. Twilio redirects a media URL to
    /// its CDN: mms.twiliocdn.com when HTTP Basic authentication is enforced on media (the setting Hotline
    /// needs). Unauthenticated media redirect to s3-external-1.amazonaws.com, a host every AWS customer
    /// shares, which is therefore not allowed by default.
    /// </summary>
    public string[] AllowedHosts { get; set; } = ["mms.twiliocdn.com"];

    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts for a failure that can pass (the network, a 5xx) before the item is marked not kept.</summary>
    public int MaxAttempts { get; set; } = 6;

    public int RetryBaseSeconds { get; set; } = 10;

    public int PollSeconds { get; set; } = 2;

    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Items worked on at once by this instance, each on its own <see cref="MediaWorkers"/> thread. Decoding a photo
    /// takes a core for about half a second: more at once only takes more of the cores the webhooks need.
    /// </summary>
    public int ConcurrentItems { get; set; } = 1;

    /// <summary>The Linux nice value of the media workers' threads: 19, the lowest priority, gives them only what the webhooks leave idle.</summary>
    public int WorkerNice { get; set; } = 19;

    /// <summary>
    /// The share of one core the media workers may use together, measured in their threads' own CPU time: after each
    /// item they rest long enough to stay under it (<see cref="Hosting.CoreShare"/>), however idle the machine looks. Nice 19
    /// alone lets them take every idle moment between webhooks, and each of those turns costs a webhook that wakes its
    /// wake-up and its cache; a backlog then drains at this pace, waiting in the database.
    /// </summary>
    public double WorkerCoreShare { get; set; } = 0.25;

    /// <summary>
    /// Before the items it has claimed the media job waits while less than this share of all the cores' time is free
    /// (idle, or running lowered work), so that photos are worked on when the webhooks leave the cores to them, not in
    /// the little they leave under load (<see cref="Hosting.BusyMachineYield"/>); 0 never waits.
    /// </summary>
    public double YieldWhileCoresFreeBelow { get; set; } = 0.5;

    /// <summary>
    /// The longest the media job waits for free cores before the items it has claimed (<see cref="ConcurrentItems"/>):
    /// under a load that does not end, a backlog still moves, one claim a wait.
    /// </summary>
    public int LongestYieldSeconds { get; set; } = 10;

    /// <summary>
    /// Development only (refused at start elsewhere): the phone simulator offers sample photos, and while no Twilio account
    /// is configured the media job fetches the simulator's Twilio links from this host itself (<see cref="SimulatorMediaOrigin"/>),
    /// so a newcomer can follow a photo to the evidence panel. appsettings.Development.json turns it on.
    /// </summary>
    public bool SimulatorPhotos { get; set; }
}

internal sealed class MediaOptionsValidator(IHostEnvironment environment) : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options) => options switch
    {
        // The media job would fetch from this host with the account's credentials: a stand-in that has no place beside real evidence.
        { SimulatorPhotos: true } when !environment.IsDevelopment() =>
            Fail("SimulatorPhotos is for Development only (the phone simulator's sample photos): remove it outside Development."),
        { Path: null or "" } => Fail("Path is required."),
        { MaxBytes: < 1024 or > 100 * 1024 * 1024 } => Fail("MaxBytes must be between 1024 and 104857600."),
        { MaxPixels: < 10_000 or > 200_000_000 } => Fail("MaxPixels must be between 10000 and 200000000."),
        _ when options.AllowedHosts.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown) =>
            Fail("AllowedHosts must hold host names only (no scheme, port or path)."),
        { RequestTimeoutSeconds: < 1 or > 300 } => Fail("RequestTimeoutSeconds must be between 1 and 300."),
        { MaxAttempts: < 1 or > 50 } => Fail("MaxAttempts must be between 1 and 50."),
        { RetryBaseSeconds: < 1 or > 3_600 } => Fail("RetryBaseSeconds must be between 1 and 3600."),
        { PollSeconds: < 1 or > 600 } => Fail("PollSeconds must be between 1 and 600."),
        { LeaseSeconds: < 10 or > 3_600 } => Fail("LeaseSeconds must be between 10 and 3600."),
        { ConcurrentItems: < 1 or > 8 } => Fail("ConcurrentItems must be between 1 and 8."),
        { WorkerNice: < 0 or > 19 } => Fail("WorkerNice must be between 0 and 19 (a media worker never runs above the webhooks)."),
        { WorkerCoreShare: < 0.01 or > 1 or double.NaN } => Fail("WorkerCoreShare must be between 0.01 and 1."),
        { YieldWhileCoresFreeBelow: < 0 or >= 1 or double.NaN } => Fail("YieldWhileCoresFreeBelow must be at least 0 and below 1."),
        { LongestYieldSeconds: < 1 or > 600 } => Fail("LongestYieldSeconds must be between 1 and 600."),
        _ when options.LongestYieldSeconds + 2 * options.RequestTimeoutSeconds >= options.LeaseSeconds =>
            Fail("LeaseSeconds must be more than LongestYieldSeconds and two requests of RequestTimeoutSeconds (the download, the deletion): the wait for free cores must leave a claimed item's lease the time its requests may take."),
        _ => ValidateOptionsResult.Success,
    };

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail($"{MediaOptions.Section}:{message}");
}
