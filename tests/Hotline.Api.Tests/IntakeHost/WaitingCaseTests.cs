namespace Hotline.Api.Tests.IntakeHost;

/// <summary>The case is queued early and the intake enriches it while it waits, each change a case event in the answer's transaction.</summary>
public sealed class WaitingCaseTests
{
    private const string Worker = "+9779800000622";

    [Fact]
    public async Task Consent_queues_the_case_at_the_third_answer_with_a_provisional_band()
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, "hello", "1", "2");
        Assert.Equal(0, await harness.CountAsync("SELECT COUNT(*) FROM Cases"));

        await harness.TextAsync(Worker, "1");

        Assert.Equal("Queued|1|4|13", await harness.ScalarAsync(
            "SELECT Status || '|' || Priority || '|' || IntakeQuestion || '|' || IntakeQuestions FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task Each_answer_re_scores_the_waiting_case_and_every_change_is_a_case_event(DatabaseProvider engine)
    {
        await using var harness = await TwilioHarness.StartAsync(engine);
        await harness.TextAsync(Worker, "hello", "1", "2", "1");

        await harness.TextAsync(Worker, "1", "1", "1", "2", "2", "1");

        Assert.Equal("3|45|10", await harness.ScalarAsync("SELECT CONCAT(Priority, '|', TriageScore, '|', IntakeQuestion) FROM Cases"));
        Assert.Equal(3, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'PriorityChanged'"));
        Assert.Equal(
            "{\"Priority\":\"High\",\"Score\":45,\"Reasons\":[\"documents_retained\",\"wages_withheld\",\"deceived_about_job\"]}",
            await harness.ScalarAsync("SELECT Data FROM CaseEvents WHERE Sequence = (SELECT MAX(Sequence) FROM CaseEvents WHERE Type = 'PriorityChanged')"));
        Assert.Equal(7, await harness.CountAsync("SELECT COUNT(*) FROM CaseEvents WHERE Type = 'AnswerRecorded'"));
    }

    [Fact]
    public async Task The_end_of_the_intake_makes_the_triage_final()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "2", "2", "1", "2", "2", "2", "2", "2", "2");

        await harness.TextAsync(Worker, "Doha");

        Assert.Equal("", await harness.ScalarAsync("SELECT COALESCE(IntakeQuestion, '') FROM Cases"));
        Assert.Equal("{\"Reason\":\"intake_complete\",\"Unanswered\":[]}",
            await harness.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'IntakeEnded'"));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Cases"));
    }

    [Theory, DatabaseData]
    public async Task A_waiting_case_left_unanswered_ends_its_intake_and_is_no_longer_provisional_without_a_text(DatabaseProvider engine)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await TwilioHarness.StartAsync(engine, new Dictionary<string, string?> { ["Hotline:Intake:TickIntervalSeconds"] = "3600" },
            services => services.AddSingleton<TimeProvider>(clock));
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "1");
        await harness.DispatchAllAsync();
        Assert.Equal("Queued|5", await harness.ScalarAsync("SELECT CONCAT(Status, '|', IntakeQuestion) FROM Cases"));
        Assert.Equal(5, harness.Twilio.Created.Count);
        clock.Advance(TimeSpan.FromMinutes(31));

        var ended = await harness.App.Services.GetServices<IHostedService>().OfType<IntakeTimeoutJob>().Single().TickSilentIntakesAsync(Ct);
        await harness.DispatchAllAsync();

        Assert.Equal(1, ended);
        Assert.Equal("Queued|", await harness.ScalarAsync("SELECT CONCAT(Status, '|', COALESCE(IntakeQuestion, '')) FROM Cases"));
        Assert.Equal(
            "{\"Reason\":\"unanswered\",\"Unanswered\":[\"wages\",\"free_to_leave\",\"debt\",\"threats\",\"deceived\",\"hours\",\"isolation\",\"living\",\"location\"]}",
            await harness.ScalarAsync("SELECT Data FROM CaseEvents WHERE Type = 'IntakeEnded'"));
        Assert.Equal(5, harness.Twilio.Created.Count);
    }
}
