namespace Hotline.Api.Media;

/// <summary>
/// Where an attachment may be fetched from, and how: Twilio's media (the link must name this hotline's
/// account; it is fetched from Twilio:ApiBaseUrl with the account's credentials, and may be deleted there
/// afterwards) or a chat attachment on the activity's own service URL (with the connector's token).
/// Any other link is refused before a byte is asked for.
/// </summary>
public abstract partial record MediaOrigin(Uri FetchUrl)
{
    public const string TwilioMediaHost = "api.twilio.com";

    public sealed record TwilioMedia(Uri FetchUrl, string MessageSid, string MediaSid) : MediaOrigin(FetchUrl);

    public sealed record ChatService(Uri FetchUrl) : MediaOrigin(FetchUrl);

    /// <summary>A redirect may stay on this scheme, host and port (or go to an allowed host).</summary>
    public string Authority => FetchUrl.GetLeftPart(UriPartial.Authority);

    public static MediaOrigin? Of(MediaSource source, TwilioOptions twilio)
    {
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.UserInfo.Length > 0)
        {
            return null;
        }

        if (source.ServiceUrl is null)
        {
            var match = TwilioMediaPath().Match(url.AbsolutePath);
            if (url.Scheme != Uri.UriSchemeHttps || !string.Equals(url.Host, TwilioMediaHost, StringComparison.OrdinalIgnoreCase) || !url.IsDefaultPort || !match.Success
                || !twilio.SendsThroughTwilio || !string.Equals(match.Groups["account"].Value, twilio.AccountSid, StringComparison.Ordinal))
            {
                return null;
            }

            var fetch = new UriBuilder(new Uri(new Uri(twilio.ApiBaseUrl), url.AbsolutePath)) { Query = "" }.Uri;
            return new TwilioMedia(fetch, match.Groups["message"].Value, match.Groups["media"].Value);
        }

        return Uri.TryCreate(source.ServiceUrl, UriKind.Absolute, out var service)
            && string.Equals(url.GetLeftPart(UriPartial.Authority), service.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            ? new ChatService(url)
            : null;
    }

    [GeneratedRegex("^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/(?<message>(MM|SM)[0-9a-fA-F]{32})/Media/(?<media>ME[0-9a-fA-F]{32})$")]
    private static partial Regex TwilioMediaPath();
}
