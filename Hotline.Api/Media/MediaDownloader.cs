using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Hotline.Api.BotConnector;

namespace Hotline.Api.Media;

/// <summary>
/// Fetches one attachment from where <see cref="MediaOrigin"/> allows, following at most a few redirects by
/// hand: each must stay on the origin's own scheme, host and port or go to an https host listed in
/// Hotline:Media:AllowedHosts (Twilio's CDN), and credentials are sent with the first request only. The size limit
/// holds while the body streams, so a file that lies about its length costs no more than the limit, and the body
/// goes into pooled blocks, never one large array. Hotline:Media:RequestTimeoutSeconds bounds the whole download, every hop
/// and the body: a server that answers at once and then sends a byte at a time holds the media job no longer than one
/// that does not answer.
/// </summary>
public sealed class MediaDownloader(
    MediaHttp http,
    MediaBuffers buffers,
    BotTokenClient botTokens,
    IOptions<BotOptions> bot,
    IOptions<TwilioOptions> twilio,
    IOptions<MediaOptions> options)
{
    private const int MaxRedirects = 3;

    /// <summary>What one read from the socket asks for: below the large-object heap's threshold, and pooled.</summary>
    private const int ReadSize = 16 * 1024;

    public async Task<MediaDownload> DownloadAsync(MediaOrigin origin, CancellationToken cancellationToken)
    {
        // Timed in real time, not on the app's clock: it bounds a remote server, which sends in real time (a test clock held
        // still would leave the body unbounded, one moved on would cut a download short).
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await FollowAsync(origin, linked.Token);
        }
        catch (HttpRequestException)
        {
            return new MediaDownload.Failed("the download failed (network)", Retry: true);
        }
        catch (IOException)
        {
            // The body's stream reports a connection lost after the headers as an IOException (HttpIOException).
            return new MediaDownload.Failed("the download failed (network)", Retry: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MediaDownload.Failed("the download timed out", Retry: true);
        }
        catch (BotTokenException)
        {
            return new MediaDownload.Failed("the chat service's login gave no token", Retry: true);
        }
    }

    private async Task<MediaDownload> FollowAsync(MediaOrigin origin, CancellationToken cancellationToken)
    {
        var url = origin.FetchUrl;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // Only the origin itself is given credentials: a redirect's link is signed for its own host.
            if (hop == 0)
            {
                request.Headers.Authorization = await CredentialsAsync(origin, cancellationToken);
            }

            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                if (response.Headers.Location is not { } location || !Allowed(origin, url = new Uri(url, location)))
                {
                    return new MediaDownload.Failed("the link redirected to a host that is not allowed", Retry: false);
                }

                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                // A refused account (a rotated auth token, media authentication just turned on) can pass once an operator
                // fixes it, and the photo stays at Twilio meanwhile: evidence is not given up on it.
                var status = (int)response.StatusCode;
                var refusedAccount = status is 401 or 403;
                return new MediaDownload.Failed(
                    refusedAccount ? $"the provider answered HTTP {status}: check the account's credentials ({CredentialKeys(origin)})"
                        : $"the provider answered HTTP {status}",
                    Retry: refusedAccount || status >= 500 || status is 408 or 429);
            }

            return await ReadLimitedAsync(response, cancellationToken);
        }

        return new MediaDownload.Failed("the link redirected too many times", Retry: false);
    }

    /// <summary>The settings whose credentials an origin is fetched with: Twilio's account, or the bot's for a chat's attachment.</summary>
    private static string CredentialKeys(MediaOrigin origin) => origin is MediaOrigin.ChatService
        ? "Bot:AppId, Bot:AppPassword"
        : "Twilio:AccountSid, Twilio:AuthToken";

    /// <summary>
    /// The body, read into pooled blocks (<see cref="MediaBuffers"/>) a buffer at a time; the limit is counted on the bytes as
    /// they arrive, whatever the announced length says. Only waiting on the network and copying what arrives run here: the
    /// file's CPU work waits for the media lane.
    /// </summary>
    private async Task<MediaDownload> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var file = buffers.Rent("media-download");
        var buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
        var handedOver = false;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(0, ReadSize), cancellationToken)) > 0)
            {
                if (file.Length + read > limit)
                {
                    return TooLarge(limit);
                }

                file.Write(buffer, 0, read);
            }

            file.Position = 0;
            handedOver = true;
            return new MediaDownload.Fetched(file);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!handedOver)
            {
                file.Dispose();
            }
        }
    }

    private static MediaDownload.Failed TooLarge(long limit) =>
        new($"the file is larger than {limit / (1024 * 1024.0):0.#} MB", Retry: false);

    private bool Allowed(MediaOrigin origin, Uri next) =>
        string.Equals(next.GetLeftPart(UriPartial.Authority), origin.Authority, StringComparison.OrdinalIgnoreCase)
        || (next.Scheme == Uri.UriSchemeHttps && next.IsDefaultPort
            && options.Value.AllowedHosts.Contains(next.Host, StringComparer.OrdinalIgnoreCase));

    private async Task<AuthenticationHeaderValue?> CredentialsAsync(MediaOrigin origin, CancellationToken cancellationToken) => origin switch
    {
        MediaOrigin.TwilioMedia media => new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{media.AccountSid}:{twilio.Value.AuthToken}"))),
        MediaOrigin.ChatService when bot.Value.Configured => new AuthenticationHeaderValue("Bearer", await botTokens.GetAsync(cancellationToken)),
        _ => null,
    };

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}

/// <summary>
/// The media fetcher's own client: it never follows a redirect by itself, and a request gives up after
/// Hotline:Media:RequestTimeoutSeconds (the downloader's own limit also covers the body and every hop together).
/// </summary>
public sealed class MediaHttp : IDisposable
{
    public MediaHttp(IOptions<MediaOptions> options)
    {
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds),
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
