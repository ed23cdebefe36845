using Hotline.Api.Tests.BotConnector;

namespace Hotline.Api.Tests.Faults;

/// <summary>
/// A third party failing (Twilio, the Bot Connector and its login service, Redis) delays the sends that need
/// it and nothing else: every webhook is answered, health stays 200, the host keeps running, and once the
/// third party is back every person has exactly the replies the hotline wrote them, none twice. The
/// dispatcher runs in the background here, as in production.
/// </summary>
public sealed class ThirdPartyOutageTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> SendingInTheBackground = new()
    {
        ["Hotline:Outbox:RunDispatcher"] = "true",
        ["Hotline:Outbox:PollMilliseconds"] = "50",
        ["Hotline:Outbox:RetryBaseMilliseconds"] = "50",
        ["Hotline:Outbox:RetryMaxSeconds"] = "1",
        ["Hotline:Outbox:MaxAttempts"] = "50",
    };

    [Fact]
    public async Task Through_a_twilio_outage_every_webhook_is_answered_and_afterwards_each_first_time_writer_has_exactly_one_reply()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"Outage seed: {seed}");
        await using var harness = await TwilioHarness.StartAsync(SendingInTheBackground);
        await using var health = HealthWatch.Start(harness.Client, harness.App.Services);
        harness.Twilio.StartOutage(createFailureShare: 0.3, listFailureShare: 0.5, lateBy: TimeSpan.FromSeconds(1.5), seed);
        var people = Enumerable.Range(1, 120).Select(i => $"+97798000{i:D5}").ToList();

        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (person, _) => await harness.TextAsync(person, "hello"));
        await WaitUntilAsync(harness.App.Services, () => Task.FromResult(harness.Twilio.OutageFailures >= 40), "the outage to fail 40 calls");
        harness.Twilio.EndOutage();
        await WaitUntilAsync(harness.App.Services, async () => await NothingLeftToSendAsync(harness.App), "the outbox to empty");

        var watched = await health.StopAsync();
        AssertStayedHealthy(watched);
        var repliesPerPerson = harness.Twilio.Created.GroupBy(c => c.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([], people.Where(p => repliesPerPerson.GetValueOrDefault(p) != 1).Select(p => $"{p}: {repliesPerPerson.GetValueOrDefault(p)}"));
        Assert.Equal(120, repliesPerPerson.Count);
        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Fact]
    public async Task While_the_bot_connector_and_its_login_service_refuse_every_chat_is_answered_and_afterwards_each_reply_is_posted_once()
    {
        await using var bot = await BotHarness.StartAsync(SendingInTheBackground);
        await using var health = HealthWatch.Start(bot.Client, bot.App.Services);
        bot.Login.FailNextTokenRequests(8, 503);
        bot.Connector.FailNext(40, 429);
        var people = Enumerable.Range(1, 30).Select(i => $"person-{i}").ToList();

        foreach (var person in people)
        {
            using var answer = await bot.SendAsync(bot.Message(person, "hello"));
            Assert.True(answer.IsSuccessStatusCode, $"The activity from {person} was answered {(int)answer.StatusCode}.");
        }

        await WaitUntilAsync(bot.App.Services, async () => await NothingLeftToSendAsync(bot.App), "the outbox to empty");

        var watched = await health.StopAsync();
        AssertStayedHealthy(watched);
        var written = await bot.CountAsync("SELECT COUNT(*) FROM Outbox");
        Assert.Equal((written, 0L), (await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status = 'Sent'"), await bot.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status <> 'Sent'")));
        Assert.Equal(written, bot.Connector.Replies.Count);
        Assert.Equal(people.Select(p => $"conv|{p}").Order(), bot.Connector.Replies.Select(r => r.ConversationId).Distinct().Order());
        Assert.Equal(written, bot.Connector.Replies.Select(r => (r.ConversationId, r.Activity["text"]?.ToString())).Distinct().Count());
    }

    [Fact]
    public async Task With_redis_stopped_mid_run_replies_keep_going_out_and_each_person_has_exactly_one()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>(SendingInTheBackground)
        {
            ["Hotline:Redis:ConnectionString"] = redis.ConnectionString,
            ["Twilio:SegmentsPerSecond"] = "200",
        };
        await using var harness = await TwilioHarness.StartAsync(settings);
        await using var health = HealthWatch.Start(harness.Client, harness.App.Services);
        var people = Enumerable.Range(1, 90).Select(i => $"+97798100{i:D5}").ToList();

        await TextAndSendAsync(harness, people[..30]);
        await redis.StopAsync();
        await TextAndSendAsync(harness, people[30..60]);
        await redis.RestartAsync();
        await TextAndSendAsync(harness, people[60..]);

        var watched = await health.StopAsync();
        AssertStayedHealthy(watched);
        var repliesPerPerson = harness.Twilio.Created.GroupBy(c => c.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([], people.Where(p => repliesPerPerson.GetValueOrDefault(p) != 1).Select(p => $"{p}: {repliesPerPerson.GetValueOrDefault(p)}"));
    }

    [Fact]
    public async Task An_outbox_message_that_cannot_be_decrypted_holds_up_only_itself()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync("+9779800000401", "hello");
        await harness.App.ExecuteAsync("UPDATE Messages SET BodyCipher = 'hl1:unknown-key:garbage' WHERE Direction = 'Outbound'");
        await harness.TextAsync("+9779800000402", "hello");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();

        Assert.Equal(2, await dispatcher.DispatchDueAsync(Ct));

        Assert.Equal(["+9779800000402"], harness.Twilio.Created.Select(c => c.To));
        Assert.Equal("Failed|Not sent: the stored reply could not be read (undecryptable) and was set aside.",
            await harness.ScalarAsync("SELECT Status || '|' || LastError FROM Outbox WHERE Status <> 'Sent'"));
    }

    [Fact]
    public async Task A_reply_waiting_on_twilio_says_why_on_its_case_and_drops_the_reason_once_sent()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync("+9779800000403", "hello", "1");
        var dispatcher = harness.App.Services.GetRequiredService<OutboxDispatchJob>();
        await harness.DispatchAllAsync();
        harness.Twilio.FailNext(1, 429);
        await harness.TextAsync("+9779800000403", "0");

        await dispatcher.DispatchDueAsync(Ct);

        const string waiting = "Not sent yet: Twilio is limiting our rate (429, code 20429). It is tried again shortly.";
        Assert.Equal($"pending|{waiting}", await harness.ScalarAsync("SELECT DeliveryStatus || '|' || DeliveryError FROM Messages WHERE DeliveryError IS NOT NULL"));
        Assert.Equal(1L, await harness.CountAsync(
            $"SELECT COUNT(*) FROM CaseEvents WHERE Type = 'MessageStatusChanged' AND Data LIKE '%\"Status\":\"pending\"%' AND Data LIKE '%{waiting}%'"));

        await harness.DispatchAllAsync();

        Assert.Equal(0L, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE DeliveryError IS NOT NULL"));
    }

    private static void AssertStayedHealthy((int Checks, IReadOnlyList<string> Failures, bool HostStopping) watched)
    {
        Assert.False(watched.HostStopping, "The host began to stop.");
        Assert.Empty(watched.Failures);
        Assert.True(watched.Checks > 0, "Health was never asked.");
    }

    private static async Task TextAndSendAsync(TwilioHarness harness, IEnumerable<string> people)
    {
        foreach (var person in people)
        {
            await harness.TextAsync(person, "hello");
        }

        await WaitUntilAsync(harness.App.Services, async () => await NothingLeftToSendAsync(harness.App), "the outbox to empty");
    }

    private static async Task<bool> NothingLeftToSendAsync(HotlineApp app) =>
        await app.CountAsync("SELECT COUNT(*) FROM Outbox WHERE Status IN ('Pending', 'Sending')") == 0;

    /// <summary>Waits up to 90 s for the condition; a host that began to stop fails at once rather than at the limit.</summary>
    private static Task WaitUntilAsync(IServiceProvider services, Func<Task<bool>> condition, string what)
    {
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return Poll.UntilAsync(async () =>
        {
            Assert.False(stopping.IsCancellationRequested, $"The host began to stop while waiting for {what}.");
            return await condition();
        }, what, TimeSpan.FromSeconds(90));
    }
}
