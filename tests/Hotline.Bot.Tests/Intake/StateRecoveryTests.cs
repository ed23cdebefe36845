namespace Hotline.Bot.Tests.Intake;

public sealed class StateRecoveryTests
{
    public static TheoryData<string> Corrupt() => new(
        "{",
        "not json at all",
        "null",
        "[]",
        "42",
        "\"a string\"",
        "{}",
        "{\"v\":0,\"st\":\"a\",\"s\":\"documents\"}",
        "{\"v\":2,\"st\":\"a\",\"s\":\"documents\"}",
        "{\"v\":1,\"st\":\"a\",\"s\":\"a_step_that_was_removed\"}",
        "{\"v\":1,\"st\":\"a\",\"s\":\"not_safe\"}",
        "{\"v\":1,\"st\":\"z\",\"s\":\"documents\"}",
        "{\"v\":1,\"st\":\"a\",\"s\":\"documents\",\"a\":{\"danger\":5}}",
        "{\"v\":1,\"st\":\"a\",\"s\":\"documents\",\"t\":1e400}",
        new string('[', 5_000) + new string(']', 5_000),
        "{\"v\":1,\"st\":\"a\",\"s\":\"" + new string('x', 100_000) + "\"}",
        "\uD800\uDC00\uDBFF");

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void A_corrupt_state_restarts_at_the_safety_question(string state)
    {
        var snapshot = new ConversationSnapshot("en", state, false, false, null, FakeHost.Epoch);

        var turn = Engine.Handle(snapshot, new InboundMessage("1", 0, null, FakeHost.Epoch.AddMinutes(1)));

        Assert.Equal(Text("en", "safe_now"), turn.Reply());
        Assert.Empty(turn.Events);
    }

    /// <summary>
    /// The cry is the open case's: it rises to Critical as after any hand-off (DistressAfterHandOffTests), and no second case
    /// is asked for.
    /// </summary>
    [Theory]
    [MemberData(nameof(Corrupt))]
    public void A_corrupt_state_with_an_open_case_keeps_that_case_and_asks_for_no_new_one(string state)
    {
        var snapshot = new ConversationSnapshot("en", state, false, true, null, FakeHost.Epoch);

        var turn = Engine.Handle(snapshot, new InboundMessage("please help me", 0, null, FakeHost.Epoch.AddMinutes(1)));

        Assert.Equal(["PriorityChanged(Critical, 100, [distress_word])"], turn.Events.Select(Describe));
    }

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void A_tick_on_a_corrupt_state_changes_nothing(string state)
    {
        var snapshot = new ConversationSnapshot("en", state, false, false, null, FakeHost.Epoch);

        var turn = Engine.Tick(snapshot, FakeHost.Epoch.AddDays(1));

        Assert.Equal(state, turn.State);
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void After_recovery_the_intake_carries_on_normally()
    {
        var host = new FakeHost(Engine);
        host.Replace(new ConversationSnapshot("en", "{garbage", false, false, null, FakeHost.Epoch));
        host.Send("hello");

        Assert.Equal(Text("en", "danger"), host.Send("1").Reply());
    }

    [Fact]
    public void An_answer_the_script_could_not_have_given_is_dropped_and_the_rest_kept()
    {
        const string state = "{\"v\":1,\"st\":\"a\",\"s\":\"documents\",\"a\":{\"danger\":\"maybe\",\"consent\":\"yes\",\"ghost\":\"yes\"}}";
        var snapshot = new ConversationSnapshot("en", state, false, false, null, FakeHost.Epoch);

        var turn = Engine.Handle(snapshot, new InboundMessage("1", 0, null, FakeHost.Epoch.AddMinutes(1)));

        Assert.Equal(new AnswerRecorded("documents", "yes"), turn.Events.OfType<AnswerRecorded>().Last());
        Assert.DoesNotContain("maybe", turn.State, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost", turn.State, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conversation_the_stop_gap_engine_opened_stays_with_its_caseworker()
    {
        var snapshot = new ConversationSnapshot("en", null, false, true, null, FakeHost.Epoch);

        var turn = Engine.Handle(snapshot, new InboundMessage("are you there", 0, null, FakeHost.Epoch.AddMinutes(3)));

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
    }

    [Fact]
    public void The_state_is_compact_json_with_a_version()
    {
        var state = AtFirstQuestion("en").Snapshot.State!;

        Assert.StartsWith("{\"v\":1,", state, StringComparison.Ordinal);
        Assert.True(state.Length < 120, state);
    }
}
