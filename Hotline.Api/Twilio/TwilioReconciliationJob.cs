using Hotline.Api.Inbound;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Message;
using Twilio.Types;

namespace Hotline.Api.Twilio;

/// <summary>
/// Twilio does not retry a webhook that failed, so a message that arrived while we were down would be
/// lost. This job (on by default whenever a Twilio account is configured, and run once at start) lists recent inbound messages through the API and ingests every
/// MessageSid we do not have, through the same pipeline as the webhook (a known one changes nothing). A message with photos
/// is ingested with them, listed through the API as the webhook would have named them: without them the pipeline would
/// take it for a text alone and have Twilio's copy deleted, photos and all, before anyone had kept them.
/// </summary>
public sealed class TwilioReconciliationJob(
    ITwilioRestClient client, InboundPipeline pipeline, IOptions<TwilioOptions> options, HotlineMetrics metrics, TimeProvider time,
    ILogger<TwilioReconciliationJob> logger, Health.LoopWatch loops)
    : PeriodicJob(time, logger, loops)
{
    private readonly TwilioOptions _options = options.Value;

    protected override bool Enabled => _options.ReconciliationRuns;

    protected override bool RunsAtStart => true;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(_options.Reconciliation.IntervalSeconds);

    protected override string PassName => "Reconciliation with Twilio";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var recovered = await ReconcileAsync(cancellationToken);
        metrics.ReconciliationFound(recovered);
        if (recovered > 0)
        {
            Logger.LogWarning("Reconciliation recovered {Count} inbound message(s) whose webhook never arrived.", recovered);
        }
    }

    /// <summary>One pass; the number of messages that were missing and are now stored.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        foreach (var message in await ListInboundOldestFirstAsync(cancellationToken))
        {
            if (await ToEnvelopeAsync(message, cancellationToken) is { } envelope
                && (await pipeline.IngestAsync(envelope, cancellationToken)).Kind == IngestResult.Stored)
            {
                recovered++;
            }
        }

        return recovered;
    }

    /// <summary>
    /// Every inbound message of the look-back, read in full before any is ingested, in the order the person wrote them. Twilio
    /// lists newest first: ingested as listed, "hello" then the discreet word, both lost in an outage, went through the engine
    /// as the discreet word then "hello", and the safety question, the last word of a message written while quiet, followed
    /// the decoy onto a phone someone else may be reading. Twilio's times are to the second: within one, the list's own order,
    /// reversed, is the order they came.
    /// </summary>
    private async Task<IReadOnlyList<MessageResource>> ListInboundOldestFirstAsync(CancellationToken cancellationToken)
    {
        var since = Time.GetUtcNow().AddMinutes(-_options.Reconciliation.LookbackMinutes).UtcDateTime;
        var newestFirst = new List<MessageResource>();
        foreach (var to in Recipients())
        {
            var read = new ReadMessageOptions { To = to, DateSentAfter = since, PageSize = 100 };
            await foreach (var message in TwilioMessageList.ReadAsync(read, client, cancellationToken))
            {
                if (message.Direction == MessageResource.DirectionEnum.Inbound)
                {
                    newestFirst.Add(message);
                }
            }
        }

        return [.. Enumerable.Reverse(newestFirst).OrderBy(message => message.DateCreated is { } created ? TwilioTimes.Utc(created) : Time.GetUtcNow())];
    }

    private IEnumerable<PhoneNumber?> Recipients() => string.IsNullOrWhiteSpace(_options.PhoneNumber)
        ? [null]
        : [new PhoneNumber(_options.PhoneNumber), new PhoneNumber($"whatsapp:{_options.PhoneNumber}")];

    private async Task<InboundEnvelope?> ToEnvelopeAsync(MessageResource message, CancellationToken cancellationToken)
    {
        var from = message.From?.ToString() ?? "";
        var channel = from.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        var number = channel == Channel.WhatsApp ? from["whatsapp:".Length..] : from;
        if (!ChannelAddress.TryPhone(channel, number, null, out var address, out _))
        {
            Logger.LogWarning("Reconciliation skipped message {Sid}: its sender is not a phone number.", message.Sid);
            return null;
        }

        var receivedAt = message.DateCreated is { } created ? TwilioTimes.Utc(created) : Time.GetUtcNow();
        return new InboundEnvelope(address, message.Sid, message.Body ?? "", await MediaOfAsync(message, cancellationToken), null, receivedAt);
    }

    /// <summary>
    /// The message's photos as the webhook names them (<c>https://api.twilio.com/.../Media/{MediaSid}</c>, with their type); listed
    /// only for a message that has some. A listing that fails fails the pass, which the next one repeats: never a message
    /// ingested without the photos it had.
    /// </summary>
    private async Task<IReadOnlyList<MediaReference>> MediaOfAsync(MessageResource message, CancellationToken cancellationToken)
    {
        if (!int.TryParse(message.NumMedia, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
        {
            return [];
        }

        var media = await MediaResource.ReadAsync(new ReadMediaOptions(message.Sid), client).WaitAsync(cancellationToken);
        return [.. media.Select(medium => new MediaReference(
            $"https://{Media.MediaOrigin.TwilioMediaHost}{WithoutJsonSuffix(medium.Uri)}", medium.ContentType ?? Media.MediaTypes.Undeclared))];
    }

    /// <summary>The API names a medium's record <c>.../Media/{MediaSid}.json</c>; its bytes are at the same path without the suffix.</summary>
    private static string WithoutJsonSuffix(string uri) => uri.EndsWith(".json", StringComparison.Ordinal) ? uri[..^".json".Length] : uri;
}
