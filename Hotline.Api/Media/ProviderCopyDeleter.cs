using System.Net;
using System.Net.Http.Headers;
using Twilio.Exceptions;

namespace Hotline.Api.Media;

/// <summary>
/// Once a file is in the media store, the copy Twilio keeps (until it is deleted: Twilio never expires
/// media) is deleted with a DELETE on the Media resource. A chat attachment has no copy the hotline can
/// delete. Gone already (404 with Twilio's own not-found code) counts as deleted; a 404 from anything else on the way (a
/// proxy, a wrong API address) is a failure to try again, or the photo would silently stay at Twilio.
/// </summary>
public sealed class ProviderCopyDeleter(MediaHttp http, IOptions<TwilioOptions> twilio)
{

    /// <summary>Null when the provider holds no copy any more; otherwise why not, for another attempt.</summary>
    public async Task<string?> DeleteAsync(MediaOrigin origin, CancellationToken cancellationToken)
    {
        if (origin is not MediaOrigin.TwilioMedia media)
        {
            return null;
        }

        // The resource it was fetched from, as JSON: Twilio's API (or, in Development, the simulator's stand-in).
        var url = new UriBuilder(media.FetchUrl) { Path = media.FetchUrl.AbsolutePath + ".json" }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{media.AccountSid}:{twilio.Value.AuthToken}")));
        try
        {
            using var response = await http.Client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.NotFound && await IsTwilioNotFoundAsync(response, cancellationToken))
                ? null
                : $"deleting Twilio's copy answered HTTP {(int)response.StatusCode}{(response.StatusCode == HttpStatusCode.NotFound ? " without Twilio's not-found code" : "")}";
        }
        catch (HttpRequestException)
        {
            return "deleting Twilio's copy failed (network)";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "deleting Twilio's copy timed out";
        }
    }

    /// <summary>Twilio's JSON error (read as the SDK reads it) with its own not-found code.</summary>
    private static async Task<bool> IsTwilioNotFoundAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // JSON is UTF-8 (RFC 8259) whatever charset the answer is labelled with: a label .NET does not know would otherwise throw.
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        try
        {
            return RestException.FromJson(body)?.Code == TwilioErrors.NotFound;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return false;
        }
    }
}
