namespace Hotline.Api.Tests.Twilio;

public sealed class InboundWebhookTests
{
    private const string Worker = "+9779800000101";

    [Theory, DatabaseData]
    public async Task A_signed_message_is_stored_and_answered_with_empty_twiml(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        var response = await harness.PostSignedAsync("/twilio/sms", TwilioHarness.InboundFields(Worker, "help me please"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Theory, DatabaseData]
    public async Task A_tampered_message_is_refused_with_403_and_nothing_is_written(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var fields = TwilioHarness.InboundFields(Worker, "original");
        var signature = harness.Sign(TwilioHarness.PublicBaseUrl + "/twilio/sms", fields);
        fields["Body"] = "tampered";

        var response = await harness.PostAsync("/twilio/sms", fields, signature);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM Messages"));
    }

    [Theory, DatabaseData]
    public async Task A_message_without_a_signature_is_refused_with_403(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        var response = await harness.PostAsync("/twilio/sms", TwilioHarness.InboundFields(Worker, "hello"), signature: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
    }

    [Fact]
    public async Task A_signature_made_for_another_url_is_refused()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");

        var response = await harness.PostAsync("/twilio/sms", fields, harness.Sign("http://localhost/twilio/sms", fields));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_spoofed_forwarded_host_cannot_make_its_own_url_pass()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");
        var forged = harness.Sign("https://attacker.example/twilio/sms", fields);

        var response = await harness.PostAsync("/twilio/sms", fields, forged,
            new Dictionary<string, string> { ["X-Forwarded-Host"] = "attacker.example", ["X-Forwarded-Proto"] = "https", ["Host"] = "attacker.example" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_correct_signature_still_passes_behind_forwarding_headers()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");

        var response = await harness.PostAsync("/twilio/sms", fields, harness.Sign(TwilioHarness.PublicBaseUrl + "/twilio/sms", fields),
            new Dictionary<string, string> { ["X-Forwarded-Host"] = "internal-proxy:8080", ["X-Forwarded-Proto"] = "http" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_extra_parameters_are_accepted()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");
        fields["SomeFutureTwilioField"] = "value";

        var response = await harness.PostSignedAsync("/twilio/sms", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_carriers_location_fields_are_not_stored()
    {
        await using var harness = await TwilioHarness.StartAsync();
        var fields = TwilioHarness.InboundFields(Worker, "hello");
        fields["FromCity"] = "CANARYCITY";
        fields["FromState"] = "CANARYSTATE";
        fields["FromZip"] = "CANARYZIP";
        fields["FromCountry"] = "CANARYCOUNTRY";
        fields["ToCity"] = "CANARYTOCITY";

        await harness.PostSignedAsync("/twilio/sms", fields);

        var files = Directory.GetFiles(harness.App.Folder, "hotline.db*").Select(File.ReadAllText);
        Assert.DoesNotContain(files, text => text.Contains("CANARY", StringComparison.Ordinal));
    }

    [Theory, DatabaseData]
    public async Task A_whatsapp_sender_is_its_own_channel(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        await harness.TextAsync($"whatsapp:{Worker}", "hello");
        await harness.TextAsync(Worker, "hello");

        Assert.Equal((1L, 1L), (await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Channel = 'Sms'"),
            await harness.CountAsync("SELECT COUNT(*) FROM Conversations WHERE Channel = 'WhatsApp'")));
    }

    [Theory, DatabaseData]
    public async Task Mms_media_references_are_kept_with_the_message(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var fields = TwilioHarness.InboundFields(Worker, "");
        fields["NumMedia"] = "1";
        fields["MediaUrl0"] = $"https://api.twilio.com/2010-04-01/Accounts/{TwilioHarness.AccountSid}/Messages/MM1/Media/ME1";
        fields["MediaContentType0"] = "image/jpeg";

        await harness.PostSignedAsync("/twilio/sms", fields);

        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound' AND MediaCipher IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task The_first_message_opens_a_conversation_and_later_ones_continue_it(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        await harness.TextAsync(Worker, "hello");
        await harness.TextAsync(Worker, "1");

        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Theory, DatabaseData]
    public async Task Asking_for_a_person_queues_a_case_that_later_messages_join(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);

        await harness.TextAsync(Worker, "talk to a person");
        await harness.TextAsync(Worker, "they took my passport");

        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Cases WHERE Status = 'Queued'"));
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound' AND CaseId IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task One_message_sid_posted_20_times_at_once_is_stored_once_with_one_event_and_one_set_of_replies(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        var fields = TwilioHarness.InboundFields(Worker, "talk to a person");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.PostSignedAsync("/twilio/sms", fields)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)))).Distinct());
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'MessageReceived'"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'CaseQueued'"));
        await harness.DispatchAllAsync();
        // One post of "talk to a person" gets exactly one reply (the hand-off text); twenty posts must get no more.
        Assert.Equal([Worker], harness.Twilio.Created.Select(m => m.To));
    }

    [Fact]
    public async Task A_storage_failure_answers_5xx_and_never_2xx()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.Client.GetAsync("/health", Ct);
        SqliteConnectionBreaker.Break(harness.App.DatabaseFile);

        var response = await harness.PostSignedAsync("/twilio/sms", TwilioHarness.InboundFields(Worker, "hello"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
