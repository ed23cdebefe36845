using Hotline.Api.Inbound;

namespace Hotline.Api.Twilio;

public static class TwilioWebhookEndpoints
{
    /// <summary>An empty TwiML response: replies leave through the outbox, never in the webhook's answer.</summary>
    public const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapTwilioWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/twilio").WithTags("Twilio webhooks").DisableAntiforgery().AllowAnonymous();
        twilio.MapPost("/sms", ReceiveMessage).AddEndpointFilter(new WebhookTelemetryFilter("twilio")).WithName("ReceiveTwilioMessage").WithSummary("Twilio's incoming-message webhook (SMS, WhatsApp, MMS), signed by Twilio.");
        twilio.MapPost("/status", ReceiveStatus).WithName("ReceiveTwilioStatus").WithSummary("Twilio's delivery-status callback for a reply, signed by Twilio.");
        return app;
    }

    /// <summary>
    /// Twilio's inbound messaging webhook. The message is committed before the 2xx goes back; the same
    /// MessageSid again is stored once and answered the same way. The store runs with no cancellation, not the request's:
    /// Twilio hangs up after 15 s, and a store still waiting for a slow writer then was rolled back, leaving the message to
    /// reconciliation minutes later, out of order with what the person wrote next. Finished, it is stored once (a repeat of it
    /// changes nothing), whoever is still listening.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiveMessage(
        HttpRequest request, TwilioSignature signature, InboundPipeline pipeline, IOptions<TwilioOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var form = await WebhookForm.ReadAsync(request, cancellationToken);
        if (form.Fields is not { } fields)
        {
            return Refused(form.Status, form.Error!);
        }

        if (!signature.IsValid(request, fields))
        {
            return Refused(StatusCodes.Status403Forbidden, "The X-Twilio-Signature header is missing or does not match.");
        }

        // An account set empty (Twilio__AccountSid=) is none, as everywhere else: any account's webhook signed with the token is taken.
        var account = string.IsNullOrWhiteSpace(options.Value.AccountSid) ? null : options.Value.AccountSid;
        if (!TwilioInboundMessage.TryParse(fields, account, time.GetUtcNow(), out var envelope, out var error))
        {
            return Refused(StatusCodes.Status400BadRequest, error);
        }

        await pipeline.IngestAsync(envelope, CancellationToken.None);
        return TypedResults.Content(EmptyTwiml, "text/xml");
    }

    /// <summary>
    /// Twilio's status callback: the delivery status of a message we sent only ever moves forward. Recorded with no
    /// cancellation, as a message is: a hang-up does not roll it back.
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ReceiveStatus(
        HttpRequest request, TwilioSignature signature, DeliveryRecorder delivery, CancellationToken cancellationToken)
    {
        var form = await WebhookForm.ReadAsync(request, cancellationToken);
        if (form.Fields is not { } fields)
        {
            return Refused(form.Status, form.Error!);
        }

        if (!signature.IsValid(request, fields))
        {
            return Refused(StatusCodes.Status403Forbidden, "The X-Twilio-Signature header is missing or does not match.");
        }

        var sid = fields.GetValueOrDefault("MessageSid");
        var status = fields.GetValueOrDefault("MessageStatus") ?? fields.GetValueOrDefault("SmsStatus");
        if (string.IsNullOrWhiteSpace(sid) || string.IsNullOrWhiteSpace(status) || !DeliveryStatuses.TryRank(status, out _))
        {
            return Refused(StatusCodes.Status400BadRequest, "MessageSid and a known MessageStatus are required.");
        }

        var channel = fields.GetValueOrDefault("To", "").StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        var code = fields.GetValueOrDefault("ErrorCode");
        var error = code is { Length: > 0 } ? TwilioErrors.DescribeCode(code) : null;
        await delivery.RecordCallbackAsync(channel, sid, status, error, TwilioErrors.IsWhatsAppWindowClosed(code), CancellationToken.None);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Refused(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);
}
