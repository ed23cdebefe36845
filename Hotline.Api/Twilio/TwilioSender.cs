using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Hotline.Api.Twilio;

/// <summary>Sends SMS and WhatsApp through Twilio's Messages API with the official SDK.</summary>
public sealed class TwilioSender(ITwilioRestClient client, IOptions<TwilioOptions> twilio, IOptions<HotlineOptions> hotline, SendRate rate,
    HotlineMetrics metrics, ILogger<TwilioSender> logger)
    : IChannelSender
{
    private const int SearchPageSize = 50;
    private readonly TwilioOptions _options = twilio.Value;

    public bool Handles(Channel channel) => channel is Channel.Sms or Channel.WhatsApp;

    /// <inheritdoc cref="SendRate"/>
    public ValueTask WaitForTurnAsync(OutboundSend send, CancellationToken cancellationToken) =>
        rate.WaitForTurnAsync(Sender(send.To.Channel), send.Segments, cancellationToken);

    public async Task<SendResult> SendAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        var options = new CreateMessageOptions(To(send)) { StatusCallback = new Uri(hotline.Value.PublicUrl("/twilio/status")) };
        if (send.Reengagement)
        {
            // The approved template, with no Body: free text is what WhatsApp refuses outside the window.
            options.ContentSid = _options.WhatsApp.ReengageContentSid;
            options.ContentVariables = string.IsNullOrWhiteSpace(_options.WhatsApp.ReengageContentVariables) ? null : _options.WhatsApp.ReengageContentVariables;
        }
        else
        {
            options.Body = send.Body;
        }

        if (!string.IsNullOrWhiteSpace(_options.MessagingServiceSid))
        {
            options.MessagingServiceSid = _options.MessagingServiceSid;
        }
        else
        {
            options.From = new PhoneNumber(Sender(send.To.Channel));
        }

        try
        {
            var message = await MessageResource.CreateAsync(options, client).WaitAsync(cancellationToken);
            if (message is null || string.IsNullOrEmpty(message.Sid))
            {
                // A success without the message's sid (an empty body or object, a 304 from something between us) proves nothing.
                metrics.TwilioSendError("unreadable_answer");
                return new SendResult.Unknown("Twilio's answer named no message.");
            }

            return new SendResult.Accepted(message.Sid, message.Status?.ToString() ?? "queued");
        }
        catch (ApiException ex) when (ex.Status == 0)
        {
            // The SDK could not read the answer: an HTML page from a gateway or proxy (a 502 after Twilio took the
            // message, a 503 before), a body cut short. Its status is lost, so the message may exist: ask before sending
            // again. The answer's text is not kept: a cut 201 would carry the person's number and the message.
            metrics.TwilioSendError("unreadable_answer");
            return new SendResult.Unknown("Twilio's answer could not be read.");
        }
        catch (ApiException ex) when (ex.Code == TwilioErrors.WhatsAppWindowClosed)
        {
            metrics.TwilioSendError("whatsapp_window_closed");
            return new SendResult.WindowClosed($"Twilio refused the message: {TwilioErrors.Describe(ex)}.");
        }
        catch (ApiException ex) when (ex.Status is 401 or 403)
        {
            // An auth token rotated or revoked (20003) fails every send until an operator configures the new one: the reply
            // waits and is tried again, as the media job does, rather than failing for good on its first attempt.
            metrics.TwilioSendError("credentials_refused");
            logger.LogWarning("Twilio refused the hotline's credentials ({Status}, code {Code}); replies wait until Twilio:AuthToken is fixed.",
                ex.Status, ex.Code);
            return new SendResult.NotAccepted(
                $"Twilio refused the hotline's credentials ({ex.Status}, code {ex.Code}{TwilioErrors.MeaningOf(ex.Code)}); check Twilio:AccountSid and Twilio:AuthToken.");
        }
        catch (ApiException ex) when (ex.Status == 429)
        {
            metrics.TwilioSendError("rate_limited");
            return new SendResult.NotAccepted($"Twilio is limiting our rate (429, code {ex.Code}).");
        }
        catch (ApiException ex) when (ex.Status >= 500)
        {
            metrics.TwilioSendError("server_error");
            return new SendResult.Unknown($"Twilio answered {ex.Status}.");
        }
        catch (ApiException ex)
        {
            metrics.TwilioSendError("rejected");
            return new SendResult.Rejected($"Twilio refused the message: {TwilioErrors.Describe(ex)}.");
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            metrics.TwilioSendError("no_answer");
            return new SendResult.Unknown($"No answer from Twilio ({ex.GetType().Name}).");
        }
    }

    /// <summary>
    /// Looks through Twilio's recent messages to this number for those with the same sender and text (a template: any),
    /// created since we queued it, newest first. A list that fails (Twilio down, 5xx, 429, no answer) answers "could not ask": the
    /// outcome stays unknown and nothing is sent on a guess.
    /// </summary>
    public async Task<EarlierAttempt> FindEarlierAttemptAsync(OutboundSend send, CancellationToken cancellationToken)
    {
        var read = new ReadMessageOptions { To = To(send), PageSize = SearchPageSize, Limit = SearchPageSize };
        IEnumerable<MessageResource> recent;
        try
        {
            recent = await MessageResource.ReadAsync(read, client).WaitAsync(cancellationToken);
        }
        catch (ApiException ex)
        {
            return new EarlierAttempt.CouldNotAsk($"Twilio's message list answered {ex.Status} (code {ex.Code}).");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // A list answered 200 with something other than JSON: the SDK's page reader throws this, not an ApiException.
            return new EarlierAttempt.CouldNotAsk("Twilio's message list could not be read.");
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new EarlierAttempt.CouldNotAsk($"No answer from Twilio's message list ({ex.GetType().Name}).");
        }

        var from = string.IsNullOrWhiteSpace(_options.MessagingServiceSid) ? Sender(send.To.Channel) : null;
        var since = send.CreatedAt.AddMinutes(-1);
        // Twilio keeps a template's text as rendered, which the hotline never sees: a re-engagement is matched by sender,
        // recipient and time alone. While the window is closed nothing else reaches the person: for a template, a message
        // WhatsApp refused for the closed window (63016, the reply whose refusal queued it) is left out; a reply's own
        // refused copy is still its attempt (recorded, it is held and its copy deleted at Twilio). Matches already recorded
        // against another message are set aside by the dispatcher. Newest first by creation (Twilio lists by time sent).
        var matches = recent
            .Where(m => (send.Reengagement ? m.ErrorCode != TwilioErrors.WhatsAppWindowClosed : m.Body == send.Body)
                && (from is null ? m.MessagingServiceSid == _options.MessagingServiceSid : m.From?.ToString() == from)
                && (m.DateCreated is not { } created || TwilioTimes.Utc(created) >= since))
            .OrderByDescending(m => m.DateCreated is { } created ? TwilioTimes.Utc(created) : DateTimeOffset.MaxValue)
            .Select(m => m.Sid)
            .ToList();
        return matches.Count > 0 ? new EarlierAttempt.Found(matches) : EarlierAttempt.None;
    }

    private string Sender(Channel channel) =>
        channel == Channel.WhatsApp ? $"whatsapp:{_options.PhoneNumber}" : _options.PhoneNumber ?? _options.MessagingServiceSid!;

    private static PhoneNumber To(OutboundSend send) =>
        new(send.To.Channel == Channel.WhatsApp ? $"whatsapp:{send.To.Value}" : send.To.Value);
}
