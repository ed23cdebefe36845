using System.Net;
using System.Net.Http.Headers;
using Hotline.Bot.ActivityProtocol;

namespace Hotline.Api.BotConnector;

/// <summary>
/// Posts chat replies to the Bot Connector ("reply to activity") with the bot's client-credentials token,
/// to the service URL the person's latest authenticated activity came from.
/// <para>
/// Unknown outcomes. Twilio can be searched for a message after a timeout; the Bot Connector cannot, and it
/// assigns its own activity ids, so a marker in the reply would prove nothing. The rule is therefore: post
/// again only when the connector's answer proves it did not take the reply (429, 401/403 with our token,
/// no connection at all); after a 5xx, a timeout or a connection lost mid-request, mark the reply failed with
/// a reason that says it may have arrived, and leave the decision to resend to a caseworker. A duplicate
/// reaching a person whose phone may be read by someone else is the greater risk; a failed reply is visible
/// in the console. <see cref="ChatReplyJournal"/> keeps the evidence across attempts and dispatchers.
/// </para>
/// </summary>
public sealed class BotConnectorSender(
    Database database,
    ConversationRepository conversations,
    ChatRouteRepository routes,
    ChatReplyJournal journal,
    BotTokenClient tokens,
    BotHttp http,
    ILogger<BotConnectorSender> logger) : IChannelSender
{
    public const string UnknownOutcome = "The Bot Connector may or may not have delivered this reply ({0}), and it cannot be asked. " +
        "It is not sent again, so the person cannot receive it twice; a caseworker should decide whether to resend it.";

    public bool Handles(Channel channel) => channel == Channel.Chat;

    /// <summary>The Bot Connector answers 429 when a conversation goes too fast; that answer is retried with backoff.</summary>
    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The token, had before the dispatcher's last check whether the person may still be written to: a login service that
    /// takes seconds to answer must not stand between that check and the post (the discreet word sent meanwhile went unseen).
    /// </summary>
    public async Task<SendResult.NotAccepted?> PrepareAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.GetAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is BotTokenException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendResult.NotAccepted($"No token for the Bot Connector: {ex.Message}");
        }
    }

    public async Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        var route = await FindRouteAsync(send.To, cancellationToken);
        if (route is null || !ActivityRules.TryServiceUrl(route.Address.ServiceUrl.OriginalString, out _, out _))
        {
            return new SendResult.Rejected("No chat route is known for this conversation: no authenticated activity has come from it.");
        }

        // Never asked for here, after the last check: a token refused or due for renewal since PrepareAsync waits for the next attempt.
        if (tokens.Kept() is not { } token)
        {
            return new SendResult.NotAccepted("The Bot Connector's token was refused or ran out just before the post; it is tried again.");
        }

        switch (await journal.TryBeginPostAsync(send.MessageId, cancellationToken))
        {
            case ReplyPostState.Accepted:
                return new SendResult.Accepted(ProviderMessageId(send), DeliveryStatuses.Sent);
            case { } earlier:
                logger.LogWarning("Chat reply {MessageId} is not posted: an earlier post's outcome is {State}.", send.MessageId, earlier);
                return new SendResult.Rejected(string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownOutcome, "an earlier attempt was interrupted"));
        }

        var (state, result) = await PostAsync(route.Address, send, token, cancellationToken);
        await journal.FinishPostAsync(send.MessageId, state);
        return result;
    }

    /// <summary>
    /// The id recorded for a reply the journal shows as accepted. Not found otherwise, which does not make a second
    /// post safe by itself: <see cref="SendAsync"/> refuses to post while an unanswered post is journaled.
    /// </summary>
    public async Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken) =>
        await journal.ReadAsync(send.MessageId, cancellationToken) == ReplyPostState.Accepted
            ? new EarlierAttempt.Found([ProviderMessageId(send)])
            : EarlierAttempt.None;

    /// <summary>
    /// The connector's own activity id is not kept (on some channels it embeds the conversation id, and nothing
    /// reports on it later), so a reply is recorded under an id of the hotline's.
    /// </summary>
    public static string ProviderMessageId(OutboundSend send) => $"reply:{send.MessageId:N}";

    private async Task<(ReplyPostState, SendResult)> PostAsync(ReplyAddress address, OutboundSend send, string token, CancellationToken cancellationToken)
    {
        var content = new UnsentProofContent(ReplyActivity.Create(address, send.Body).ToUtf8Json())
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
        };
        // HTTP/1.1 exactly: the proof that a failed post sent nothing rests on how it writes a request (UnsentProofContent).
        using var request = new HttpRequestMessage(HttpMethod.Post, address.ReplyUrl())
        {
            Content = content,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // Never asked to wait for "100 Continue": that would send the headers before the body, and the proof with them.
        request.Headers.ExpectContinue = false;
        try
        {
            using var response = await http.Client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            switch (status)
            {
                case >= 200 and < 300:
                    return (ReplyPostState.Accepted, new SendResult.Accepted(ProviderMessageId(send), DeliveryStatuses.Sent));
                case 429:
                    return (ReplyPostState.NotAccepted, new SendResult.NotAccepted("The Bot Connector is limiting our rate (429)."));
                case 401 or 403:
                    tokens.Invalidate(token);
                    return (ReplyPostState.NotAccepted, new SendResult.NotAccepted($"The Bot Connector refused our token ({status}); a new one is requested."));
                case >= 500:
                    return (ReplyPostState.Unknown, Unknown($"it answered {status}"));
                default:
                    return (ReplyPostState.NotAccepted, new SendResult.Rejected($"The Bot Connector refused the reply ({status})."));
            }
        }
        catch (HttpRequestException ex) when ((ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                                                   or HttpRequestError.SecureConnectionError) && !content.Begun)
        {
            // No connection was made, so nothing was sent: safe to try again.
            return (ReplyPostState.NotAccepted, new SendResult.NotAccepted($"Could not connect to the Bot Connector ({ex.HttpRequestError})."));
        }
        catch (Exception ex) when ((ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)) && !content.Begun)
        {
            // Held up before a byte of it was written (a connection or TLS handshake never completed in time): nothing was sent.
            return (ReplyPostState.NotAccepted, new SendResult.NotAccepted(ex is TaskCanceledException
                ? "Could not connect to the Bot Connector in time; nothing of the reply was sent."
                : $"Could not reach the Bot Connector ({ex.Message}); nothing of the reply was sent."));
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (ReplyPostState.Unknown, Unknown(ex is TaskCanceledException ? "no answer in time" : "the connection failed mid-request"));
        }
    }

    private static SendResult.Rejected Unknown(string what) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, UnknownOutcome, what));

    private async Task<ChatRoute?> FindRouteAsync(ChannelAddress to, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var conversation = await conversations.FindByAddressAsync(session, to, cancellationToken);
        return conversation is null ? null : await routes.FindAsync(session, conversation.Id, cancellationToken);
    }
}
