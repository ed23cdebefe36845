using Hotline.Api.Media;

namespace Hotline.Api.PhoneSimulator;

/// <summary>
/// Development only: a page that plays a worker's phone. The server signs a webhook exactly as Twilio
/// would (so the real signature check runs), the page posts it to the real /twilio/sms, and the replies
/// are read back from the conversation.
/// </summary>
public static class SimulatorEndpoints
{
    public const string DevelopmentAccountSid = "AC00000000000000000000000000000000";
    /// <summary>Stands for the hotline's own number when none is configured; the webhook never parses "To".</summary>
    public const string UnconfiguredHotlineNumber = "simulator";

    /// <summary>What the simulators hold: the sample photos and the ones sent, waiting for the media job as at Twilio.</summary>
    public static IServiceCollection AddPhoneSimulator(this IServiceCollection services) =>
        services.AddSingleton<SamplePhotos>().AddSingleton<SimulatedTwilioMedia>();

    public static IEndpointRouteBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder app)
    {
        var simulator = app.MapGroup("/simulator").WithTags("Simulator (Development)").ExcludeFromDescription();
        simulator.MapGet("/", () => Asset("simulator.html", "text/html; charset=utf-8")).WithName("GetPhoneSimulatorPage").WithSummary("The phone simulator's page (Development).");
        simulator.MapGet("/simulator.js", () => Asset("simulator.js", "text/javascript; charset=utf-8")).WithName("GetPhoneSimulatorScript").WithSummary("The phone simulator's script (Development).");
        simulator.MapGet("/simulator.css", () => Asset("simulator.css", "text/css; charset=utf-8")).WithName("GetPhoneSimulatorStyle").WithSummary("The phone simulator's style sheet, which the chat simulator builds on (Development).");
        simulator.MapGet("/simulator.transcript.js", () => Asset("simulator.transcript.js", "text/javascript; charset=utf-8")).WithName("GetSimulatorTranscriptScript").WithSummary("The transcript both simulators show (Development).");
        simulator.MapGet("/photos", Photos).WithName("GetSimulatorPhotos").WithSummary("The sample photos the phone can send, or why it cannot (Development).");
        simulator.MapPost("/sms/sign", Sign).WithName("SignSimulatedSms").WithSummary("Signs a simulated SMS webhook exactly as Twilio would, for the page to post to /twilio/sms (Development).");
        simulator.MapGet("/sms/messages", Messages).WithName("GetSimulatedPhoneMessages").WithSummary("The replies the local sink received for a simulated phone, with their delivery status (Development).");
        app.MapSimulatedTwilioMediaEndpoints();
        return app;
    }

    /// <param name="Photo">The name of a sample photo to attach (<see cref="SamplePhotos"/>), or null for text alone.</param>
    public sealed record SignRequest(string From, string Body, bool WhatsApp, string? Photo = null);

    public sealed record PhotoChoice(string Name, string Label);

    /// <summary>The photos the page offers; none, with the reason, when the media job could not fetch them.</summary>
    public sealed record PhotoChoices(IReadOnlyList<PhotoChoice> Photos, string? Unavailable);

    private const string PhotosUnavailable =
        "Photos need Hotline:Media:SimulatorPhotos (appsettings.Development.json) and no Twilio account configured.";

    public sealed record SignedWebhook(string Url, IReadOnlyDictionary<string, string> Fields, string Signature);

    /// <param name="WithPhoto">The message brought a file (the phone shows it sent; the console shows it kept).</param>
    public sealed record TranscriptLine(string Direction, string Body, string Status, DateTimeOffset At, bool WithPhoto = false);

    /// <summary>What the phone shows, and whether the number has opted out: after STOP the hotline sends it nothing, not even a reply.</summary>
    public sealed record SimulatedPhone(bool OptedOut, IReadOnlyList<TranscriptLine> Lines);

    public static Ok<PhotoChoices> Photos(SimulatorMediaOrigin origin, SamplePhotos samples) =>
        TypedResults.Ok(origin.InForce
            ? new PhotoChoices([.. samples.All.Select(p => new PhotoChoice(p.Name, p.Label))], null)
            : new PhotoChoices([], PhotosUnavailable));

    public static Results<Ok<SignedWebhook>, ProblemHttpResult> Sign(SignRequest request, IOptions<TwilioOptions> twilio, IOptions<HotlineOptions> hotline,
        SimulatorMediaOrigin origin, SamplePhotos samples, SimulatedTwilioMedia held)
    {
        if (!ChannelAddress.TryPhone(Channel.Sms, request.From, null, out var from, out var error))
        {
            return TypedResults.Problem(detail: $"From: {error}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var photo = request.Photo is null ? null : samples.Find(request.Photo);
        if (request.Photo is not null && (photo is null || !origin.InForce))
        {
            return TypedResults.Problem(detail: photo is null ? $"Photo: no sample photo is named \"{request.Photo}\"." : PhotosUnavailable,
                statusCode: StatusCodes.Status400BadRequest);
        }

        var prefix = request.WhatsApp ? "whatsapp:" : "";
        var account = string.IsNullOrWhiteSpace(twilio.Value.AccountSid) ? DevelopmentAccountSid : twilio.Value.AccountSid;
        // Twilio names a message that carries media MM..., one of text alone SM....
        var messageSid = $"{(photo is null ? "SM" : "MM")}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid,
            ["AccountSid"] = account,
            ["From"] = prefix + from.Value,
            ["To"] = prefix + (twilio.Value.PhoneNumber ?? UnconfiguredHotlineNumber),
            ["Body"] = request.Body,
            ["NumMedia"] = "0",
        };
        if (photo is not null)
        {
            var mediaSid = $"ME{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
            held.Hold(messageSid, mediaSid, photo);
            fields["NumMedia"] = "1";
            fields["MediaUrl0"] = $"https://{MediaOrigin.TwilioMediaHost}/2010-04-01/Accounts/{account}/Messages/{messageSid}/Media/{mediaSid}";
            fields["MediaContentType0"] = photo.ContentType;
        }

        var signature = TwilioSignature.Compute(twilio.Value.AuthToken!, hotline.Value.PublicUrl("/twilio/sms"), fields);
        return TypedResults.Ok(new SignedWebhook("/twilio/sms", fields, signature));
    }

    public static async Task<Results<Ok<SimulatedPhone>, ProblemHttpResult>> Messages(
        string from, bool? whatsApp, Database database, ConversationRepository conversations, MessageRepository messages,
        CancellationToken cancellationToken)
    {
        var channel = whatsApp == true ? Channel.WhatsApp : Channel.Sms;
        if (!ChannelAddress.TryPhone(channel, from, null, out var address, out var error))
        {
            return TypedResults.Problem(detail: $"from: {error}.", statusCode: StatusCodes.Status400BadRequest);
        }

        await using var session = await database.OpenAsync(cancellationToken);
        var conversation = await conversations.FindByAddressAsync(session, address, cancellationToken);
        IReadOnlyList<TranscriptLine> lines = conversation is null
            ? []
            : (await messages.ReadConversationAsync(session, conversation.Id, cancellationToken))
                .Select(m => new TranscriptLine(m.Direction.ToString(), m.Body, m.DeliveryStatus, m.CreatedAt, m.Media is not null)).ToList();
        return TypedResults.Ok(new SimulatedPhone(conversation?.Status == ConversationStatus.OptedOut, lines));
    }

    /// <summary>A page, script or style sheet of either simulator, embedded in the assembly.</summary>
    internal static IResult Asset(string name, string contentType) =>
        Results.Stream(typeof(SimulatorEndpoints).Assembly.GetManifestResourceStream($"Hotline.Api.PhoneSimulator.{name}")!, contentType);
}
