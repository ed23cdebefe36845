using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// Twilio's Media resource: <c>GET .../Messages/{MessageSid}/Media/{MediaSid}</c> answers the file (with
/// the account's Basic credentials, as when HTTP authentication is enforced on media), by default through
/// a redirect to a CDN path on this server that needs no credentials, as Twilio's CDN does; <c>DELETE
/// .../Media/{MediaSid}.json</c> deletes it (204). Each file can be arranged to misbehave.
/// </summary>
public sealed partial class FakeTwilioServer
{
    private const string CdnPrefix = "/cdn/";
    private readonly ConcurrentDictionary<string, ServedMedia> _servedMedia = new();
    private readonly ConcurrentQueue<string> _deletedMedia = new();
    private readonly ConcurrentQueue<string> _mediaRequests = new();
    private int _mediaRequestsInFlight;
    private int _mediaDeletesAnsweredWithPage;
    private string? _mediaDeleteGoneLabelledAs;
    private int _mostMediaRequestsAtOnce;

    /// <summary>How a file is served.</summary>
    public abstract record MediaServing
    {
        /// <summary>A 302 to this server's CDN path, which answers the bytes without credentials.</summary>
        public sealed record ThroughCdn : MediaServing;

        /// <summary>A 302 to <paramref name="Location"/>, wherever that is.</summary>
        public sealed record RedirectTo(Uri Location) : MediaServing;

        /// <summary>Answers <paramref name="StatusCode"/> the first <paramref name="Times"/> requests, then the file through the CDN.</summary>
        public sealed record FailFirst(int StatusCode, int Times) : MediaServing;

        /// <summary>Waits <paramref name="Delay"/> before answering, every time.</summary>
        public sealed record Hang(TimeSpan Delay) : MediaServing;

        /// <summary>Through the CDN, which answers at once and then sends <paramref name="BytesAtOnce"/> of the file each <paramref name="Interval"/>.</summary>
        public sealed record Drip(int BytesAtOnce, TimeSpan Interval) : MediaServing;

        /// <summary>Through the CDN, which announces the whole file, sends half of it and drops the connection.</summary>
        public sealed record CutOffHalfway : MediaServing;
    }

    /// <summary>Media sids deleted through the API, in order.</summary>
    public IReadOnlyList<string> DeletedMedia => [.. _deletedMedia];

    /// <summary>Authenticated GETs of media, by media sid, in order.</summary>
    public IReadOnlyList<string> MediaRequests => [.. _mediaRequests];

    /// <summary>The most GETs of media served with <see cref="MediaServing.Hang"/> that were held at the same moment.</summary>
    public int MostMediaRequestsAtOnce => Volatile.Read(ref _mostMediaRequestsAtOnce);

    /// <summary>The next DELETE of a file is answered 404 with an HTML page (a proxy's, not Twilio's), and deletes nothing.</summary>
    public void AnswerNextMediaDeleteWithPage() => Volatile.Write(ref _mediaDeletesAnsweredWithPage, 1);

    /// <summary>The next media delete finds the file already gone: Twilio's 404 with code 20404, its type labelled <paramref name="contentType"/>.</summary>
    public void AnswerNextMediaDeleteAsGone(string contentType) => Volatile.Write(ref _mediaDeleteGoneLabelledAs, contentType);

    /// <summary>A file attached to <paramref name="messageSid"/>; its URL as Twilio puts it in the webhook (on api.twilio.com).</summary>
    public string AddMedia(string messageSid, byte[] bytes, string contentType, MediaServing? serving = null)
    {
        var mediaSid = "ME" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _servedMedia[mediaSid] = new ServedMedia(messageSid, bytes, contentType, serving ?? new MediaServing.ThroughCdn());
        return $"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages/{messageSid}/Media/{mediaSid}";
    }

    private static bool IsMediaPath(string[] parts) =>
        parts.Length == 7 && parts[0] == "2010-04-01" && parts[1] == "Accounts" && parts[3] == "Messages" && parts[5] == "Media";

    /// <summary>A file added with <see cref="AddMedia"/> (the media a test serves), as against a message's media kept for deletion.</summary>
    private bool IsServedMedia(string mediaPart) =>
        _servedMedia.ContainsKey(mediaPart.EndsWith(".json", StringComparison.Ordinal) ? mediaPart[..^".json".Length] : mediaPart);

    private async Task MediaAsync(HttpContext context, string messageSid, string mediaPart, CancellationToken ct)
    {
        var isJson = mediaPart.EndsWith(".json", StringComparison.Ordinal);
        var mediaSid = isJson ? mediaPart[..^".json".Length] : mediaPart;
        if (!_servedMedia.TryGetValue(mediaSid, out var media) || media.MessageSid != messageSid)
        {
            await NotFound(context, context.Request.Path, ct);
            return;
        }

        if (HttpMethods.IsDelete(context.Request.Method) && isJson && Interlocked.Exchange(ref _mediaDeletesAnsweredWithPage, 0) == 1)
        {
            await GatewayPageAsync(context, 404, ct);
            return;
        }

        if (HttpMethods.IsDelete(context.Request.Method) && isJson && Interlocked.Exchange(ref _mediaDeleteGoneLabelledAs, null) is { } label)
        {
            _servedMedia.TryRemove(mediaSid, out _);
            context.Response.StatusCode = 404;
            context.Response.ContentType = label;
            await context.Response.WriteAsync(FakeTwilioJson.Write(FakeTwilioJson.Error(20404, $"The requested resource {context.Request.Path} was not found", 404)), ct);
            return;
        }

        if (HttpMethods.IsDelete(context.Request.Method) && isJson)
        {
            _servedMedia.TryRemove(mediaSid, out _);
            _deletedMedia.Enqueue(mediaSid);
            context.Response.StatusCode = 204;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) || isJson)
        {
            await Answer(context, 405, FakeTwilioJson.Error(20004, "Method not allowed", 405), ct);
            return;
        }

        var attempt = _mediaRequests.Count(sid => sid == mediaSid);
        _mediaRequests.Enqueue(mediaSid);
        switch (media.Serving)
        {
            case MediaServing.RedirectTo redirect:
                context.Response.Redirect(redirect.Location.ToString());
                return;
            case MediaServing.FailFirst fail when attempt < fail.Times:
                context.Response.StatusCode = fail.StatusCode;
                return;
            case MediaServing.Hang hang:
                await HangAsync(hang.Delay, ct);
                break;
        }

        context.Response.Redirect($"{CdnPrefix}{mediaSid}");
    }

    private async Task HangAsync(TimeSpan delay, CancellationToken ct)
    {
        var inFlight = Interlocked.Increment(ref _mediaRequestsInFlight);
        int most;
        while (inFlight > (most = Volatile.Read(ref _mostMediaRequestsAtOnce)) && Interlocked.CompareExchange(ref _mostMediaRequestsAtOnce, inFlight, most) != most)
        {
        }

        try
        {
            await Task.Delay(delay, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _mediaRequestsInFlight);
        }
    }

    private async Task ServeFromCdnAsync(HttpContext context, string mediaSid, CancellationToken ct)
    {
        if (!_servedMedia.TryGetValue(mediaSid, out var media) || context.Request.Headers.Authorization.Count > 0)
        {
            // The CDN's links are signed; credentials sent there would be a leak, and the fake refuses them.
            context.Response.StatusCode = media is null ? 404 : 400;
            return;
        }

        context.Response.ContentType = media.ContentType;
        context.Response.ContentLength = media.Bytes.Length;
        switch (media.Serving)
        {
            case MediaServing.Drip drip:
                for (var sent = 0; sent < media.Bytes.Length; sent += drip.BytesAtOnce)
                {
                    await context.Response.Body.WriteAsync(media.Bytes.AsMemory(sent, Math.Min(drip.BytesAtOnce, media.Bytes.Length - sent)), ct);
                    await context.Response.Body.FlushAsync(ct);
                    await Task.Delay(drip.Interval, ct);
                }

                return;
            case MediaServing.CutOffHalfway:
                await context.Response.Body.WriteAsync(media.Bytes.AsMemory(0, media.Bytes.Length / 2), ct);
                await context.Response.Body.FlushAsync(ct);
                context.Abort();
                return;
            default:
                await context.Response.Body.WriteAsync(media.Bytes, ct);
                return;
        }
    }

    private sealed record ServedMedia(string MessageSid, byte[] Bytes, string ContentType, MediaServing Serving);
}
