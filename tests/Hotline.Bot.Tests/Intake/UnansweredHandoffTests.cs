namespace Hotline.Bot.Tests.Intake;

public sealed class UnansweredHandoffTests
{
    [Fact]
    public void An_intake_unanswered_for_thirty_minutes_hands_off_with_the_answers_so_far_and_no_reply()
    {
        var host = AtSafetyQuestion("bn");
        host.Send("1");

        var tick = host.Tick(TimeSpan.FromMinutes(30));

        Assert.Empty(tick.Replies);
        Assert.Equal(
            [
                "CaseRequested(Low, 0, [])",
                "HandoffRequested { Reason = unanswered }",
                "IntakeEnded(unanswered, [])",
            ],
            tick.Events.Select(Describe));
    }

    /// <summary>
    /// Silent at "Is it safe for you to write now?": the case reaches a person, but nobody has heard that the phone is safe
    /// to write to, so nothing is sent to it (a caseworker's reply waits) until the person writes again and says so.
    /// </summary>
    [Fact]
    public void An_intake_left_at_the_safety_question_reaches_a_person_and_the_phone_stays_quiet_until_they_say_it_is_safe()
    {
        var host = AtSafetyQuestion("en");

        var tick = host.Tick(TimeSpan.FromMinutes(30));

        Assert.Empty(tick.Replies);
        Assert.Equal(
            [
                "CaseRequested(Low, 0, [])",
                "HandoffRequested { Reason = unanswered }",
                "IntakeEnded(unanswered, [])",
                "WentQuiet { Reason = safety_unanswered }",
            ],
            tick.Events.Select(Describe));
        Assert.Equal(["Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            host.Send("hello?").Replies());
        Assert.Equal(["OK. A person will write to you here in about 15 minutes."],
            host.Send("1").Replies());
    }

    [Fact]
    public void An_intake_left_at_the_language_menu_reaches_a_person_and_the_phone_stays_quiet()
    {
        var host = new FakeHost(Engine);
        host.Send("hi");

        var tick = host.Tick(TimeSpan.FromMinutes(30));

        Assert.Empty(tick.Replies);
        Assert.Contains("WentQuiet { Reason = safety_unanswered }", tick.Events.Select(Describe));
    }

    [Fact]
    public void A_number_from_the_menu_after_the_timer_handed_off_chooses_the_language_and_asks_whether_it_is_safe()
    {
        var host = new FakeHost(Engine);
        host.Send("?");
        host.Tick(TimeSpan.FromMinutes(30));

        var turn = host.Send("2");

        Assert.Equal("ar", turn.Language);
        Assert.Equal(["هل من الآمن أن تكتب الآن؟ أرسل 1 نعم، 2 لا. أرسل 0 في أي وقت للتحدث مع شخص."], turn.Replies());
    }

    [Fact]
    public void An_intake_left_at_the_safety_question_after_a_caseworker_wrote_is_not_made_quiet_by_the_tick()
    {
        var host = AtSafetyQuestion("en");
        host.Send("they beat me");
        host.CaseworkerWrites();

        var tick = host.Tick(TimeSpan.FromMinutes(30));

        Assert.DoesNotContain(tick.Events, e => e is WentQuiet);
    }

    [Fact]
    public void Before_the_time_is_up_a_tick_does_nothing()
    {
        var host = AtFirstQuestion("bn");

        var tick = host.Tick(TimeSpan.FromMinutes(29));

        Assert.Empty(tick.Events);
        Assert.Equal(host.Snapshot.State, tick.State);
    }

    [Fact]
    public void A_second_tick_after_the_handoff_does_nothing()
    {
        var host = AtFirstQuestion("te");
        host.Tick(TimeSpan.FromMinutes(31));

        var tick = host.Tick(TimeSpan.FromHours(3));

        Assert.Empty(tick.Events);
        Assert.Empty(tick.Replies);
    }

    [Fact]
    public void A_tick_never_acts_on_an_opted_out_conversation()
    {
        var host = AtFirstQuestion("te");
        host.Send("STOP");

        Assert.Empty(host.Tick(TimeSpan.FromHours(3)).Events);
    }

    [Fact]
    public void A_tick_never_acts_after_asking_for_a_person()
    {
        var host = AtFirstQuestion("te");
        host.Send("0");

        Assert.Empty(host.Tick(TimeSpan.FromHours(3)).Events);
    }

    [Fact]
    public void A_tick_after_danger_ends_the_intake_without_handing_off_again()
    {
        var host = AtSafetyQuestion("en");
        host.Send("1");
        host.Send("1");

        var tick = host.Tick(TimeSpan.FromHours(3));

        Assert.Empty(tick.Replies);
        Assert.Equal(["IntakeEnded(unanswered, [])"], tick.Events.Select(Describe));
    }

    [Fact]
    public void A_waiting_case_whose_intake_goes_unanswered_ends_the_intake_with_the_questions_left_and_no_reply()
    {
        var host = AtFirstQuestion("en");
        host.Send("1");

        var tick = host.Tick(TimeSpan.FromMinutes(30));

        Assert.Empty(tick.Replies);
        Assert.Equal(
            [
                "HandoffRequested { Reason = unanswered }",
                "IntakeEnded(unanswered, [wages, free_to_leave, debt, threats, deceived, hours, isolation, living, location])",
            ],
            tick.Events.Select(Describe));
    }

    [Fact]
    public void The_unanswered_time_is_an_option()
    {
        var engine = new IntakeEngine(Script, TriageRules.LoadDefault(), new IntakeOptions { UnansweredHandoffAfter = TimeSpan.FromMinutes(5) });
        var host = new FakeHost(engine, "en");
        host.Send("hi");

        var tick = host.Tick(TimeSpan.FromMinutes(5));

        Assert.Contains(new HandoffRequested("unanswered"), tick.Events);
    }

    [Fact]
    public void Without_last_inbound_from_the_host_the_time_in_the_state_is_used()
    {
        var host = AtFirstQuestion("en");
        var snapshot = host.Snapshot with { LastInboundAt = null };

        var early = Engine.Tick(snapshot, host.Now.AddMinutes(10));
        var late = Engine.Tick(snapshot, host.Now.AddMinutes(45));

        Assert.Empty(early.Events);
        Assert.Contains(new HandoffRequested("unanswered"), late.Events);
    }

    [Fact]
    public void A_tick_on_a_conversation_that_never_started_does_nothing()
    {
        var tick = Engine.Tick(new ConversationSnapshot(null, null, false, false, null, null), FakeHost.Epoch);

        Assert.Empty(tick.Events);
        Assert.Null(tick.State);
    }
}
