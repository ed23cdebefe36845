using Hotline.Api.PhoneSimulator;

namespace Hotline.Api.Media;

/// <summary>
/// Where an attachment may be fetched from, and how: Twilio's media (the link must name this hotline's
/// account; it is fetched from Twilio:ApiBaseUrl with the account's credentials, and may be deleted there
/// afterwards) or a chat attachment on the activity's own service URL (with the connector's token).
/// Any other link is refused before a byte is asked for. In Development only, the phone simulator's links are fetched
/// from the host's own Twilio stand-in (<see cref="SimulatorMediaOrigin"/>), under the same rule of form and account.
/// </summary>
public abstract partial record MediaOrigin(Uri FetchUrl)
{
    public const string TwilioMediaHost = "api.twilio.com";

    /// <summary>Twilio's media resource, fetched (and deleted) at <see cref="FetchUrl"/> with <see cref="AccountSid"/>'s credentials.</summary>
    public sealed record TwilioMedia(Uri FetchUrl, string AccountSid, string MessageSid, string MediaSid) : MediaOrigin(FetchUrl);

    public sealed record ChatService(Uri FetchUrl) : MediaOrigin(FetchUrl);

    /// <summary>A redirect may stay on this scheme, host and port (or go to an allowed host).</summary>
    public string Authority => FetchUrl.GetLeftPart(UriPartial.Authority);

    /// <param name="simulatorTwilioBaseUrl">
    /// Development only, with no Twilio account: the host's own Twilio stand-in (<see cref="SimulatorMediaOrigin.TwilioBaseUrl"/>),
    /// which then serves links of the simulator's account; null everywhere else.
    /// </param>
    public static MediaOrigin? Of(MediaSource source, TwilioOptions twilio, string? simulatorTwilioBaseUrl)
    {
        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.UserInfo.Length > 0)
        {
            return null;
        }

        if (source.ServiceUrl is null)
        {
            var match = TwilioMediaPath().Match(url.AbsolutePath);
            var (account, fetch) = twilio.SendsThroughTwilio
                ? (twilio.AccountSid, new UriBuilder(new Uri(new Uri(twilio.ApiBaseUrl), url.AbsolutePath)) { Query = "" }.Uri)
                : simulatorTwilioBaseUrl is null ? (null, null) : (SimulatorEndpoints.DevelopmentAccountSid, new Uri(simulatorTwilioBaseUrl + url.AbsolutePath));
            if (url.Scheme != Uri.UriSchemeHttps || !string.Equals(url.Host, TwilioMediaHost, StringComparison.OrdinalIgnoreCase) || !url.IsDefaultPort || !match.Success
                || account is null || fetch is null || !string.Equals(match.Groups["account"].Value, account, StringComparison.Ordinal))
            {
                return null;
            }

            return new TwilioMedia(fetch, account, match.Groups["message"].Value, match.Groups["media"].Value);
        }

        return Uri.TryCreate(source.ServiceUrl, UriKind.Absolute, out var service)
            && string.Equals(url.GetLeftPart(UriPartial.Authority), service.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            ? new ChatService(url)
            : null;
    }

    [GeneratedRegex("^/2010-04-01/Accounts/(?<account>AC[0-9a-fA-F]{32})/Messages/(?<message>(MM|SM)[0-9a-fA-F]{32})/Media/(?<media>ME[0-9a-fA-F]{32})$")]
    private static partial Regex TwilioMediaPath();
}
