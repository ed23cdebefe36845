namespace Hotline.Bot.Tests.Intake;

public sealed class RobustnessTests
{
    private static readonly string[] Positions =
    [
        "fresh", "menu", "safe_now", "danger", "consent", "documents", "wages", "free_to_leave", "debt", "threats",
        "deceived", "hours", "isolation", "living", "location", "quiet", "handed_off", "case_closed", "menu_open",
        "opted_out", "after_danger",
    ];

    private static readonly string[] Awkward =
    [
        "", " ", "\n\t", new string('a', 10_000), string.Concat(Enumerable.Repeat("مرحبا ", 2_000)), "🆘🆘🆘", "👍🏽",
        "\u202Eyes", "\u200Fنعم\u200F", "yes نعم हाँ ஆம் 1", "\uD800", "\uDC00yes", "\0", "1\u00002", "\uFFFF\uFFFE",
        "١٢٣", "0000000000000000000000000", "{\"v\":1}", "STOP\u200B", "ＳＴＯＰ", "ǅ", "İ", "ß", "\u0301\u0301\u0301",
    ];

    public static TheoryData<string, string> EveryPosition() =>
        new(Tags.SelectMany(tag => Positions.Select(position => (tag, position))));

    [Theory]
    [MemberData(nameof(EveryPosition))]
    public void Awkward_text_at_any_position_never_fails_and_every_reply_fits_two_segments(string language, string position)
    {
        var snapshot = Reach(language, position);

        Assert.All(Awkward, text => AssertSound(Engine.Handle(snapshot, new InboundMessage(text, 0, null, FakeHost.Epoch.AddHours(1)))));
    }

    [Theory]
    [MemberData(nameof(EveryPosition))]
    public void A_tick_at_any_position_never_fails_and_never_replies(string language, string position)
    {
        var snapshot = Reach(language, position);

        foreach (var later in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(30), TimeSpan.FromDays(400), TimeSpan.FromDays(-3) })
        {
            var turn = Engine.Tick(snapshot, FakeHost.Epoch + later);
            AssertSound(turn);
            Assert.Empty(turn.Replies);
        }
    }

    [Fact]
    public void A_null_snapshot_or_message_where_the_contract_forbids_them_is_refused_by_name()
    {
        Assert.Equal("conversation", Assert.Throws<ArgumentNullException>(() => Engine.Handle(null!, new InboundMessage("hi", 0, null, FakeHost.Epoch))).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => Engine.Handle(Reach("en", "documents"), null!)).ParamName);
        Assert.Equal("conversation", Assert.Throws<ArgumentNullException>(() => Engine.Tick(null!, FakeHost.Epoch)).ParamName);
    }

    private static void AssertSound(EngineTurn turn)
    {
        Assert.All(turn.Replies, r => Assert.InRange(SmsSegments.Measure(r.Text).Segments, 1, 2));
        if (turn.Events.Any(e => e is OptedOut))
        {
            Assert.Empty(turn.Replies);
        }
    }

    private static ConversationSnapshot Reach(string language, string position)
    {
        if (position == "fresh")
        {
            return new ConversationSnapshot(null, null, false, false, null, null);
        }

        if (position == "menu")
        {
            var menu = new FakeHost(Engine);
            menu.Send("?");
            return menu.Snapshot;
        }

        var host = position is "safe_now" or "danger" or "consent" or "quiet" or "handed_off" or "case_closed" or "after_danger"
            ? AtSafetyQuestion(language)
            : AtFirstQuestion(language);
        string[] steps = position switch
        {
            "danger" => ["1"],
            "consent" => ["1", "2"],
            "after_danger" => ["1", "1"],
            "quiet" => ["2"],
            "handed_off" or "case_closed" => ["0"],
            "menu_open" => ["language"],
            "opted_out" => ["STOP"],
            "location" => Enumerable.Repeat("2", 9).ToArray(),
            _ => Enumerable.Repeat("2", Math.Max(0, Array.IndexOf(Positions, position) - Array.IndexOf(Positions, "documents"))).ToArray(),
        };
        foreach (var step in steps)
        {
            host.Send(step);
        }

        if (position == "case_closed")
        {
            host.CloseCase();
        }

        return host.Snapshot;
    }
}
