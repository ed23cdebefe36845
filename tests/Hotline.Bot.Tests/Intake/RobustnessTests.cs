using Hotline.Bot.Channels.Sms;
using Hotline.Bot.Conversations;
using Hotline.Bot.Tests.Intake.Support;
using static Hotline.Bot.Tests.Intake.Support.Intake;

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
    public void Random_Unicode_at_any_position_never_fails_and_every_reply_fits_two_segments(string language, string position)
    {
        var snapshot = Reach(language, position);
        var random = new Random(HashCode.Combine(language.Length, position.Length, 20260105));
        var inputs = Awkward.Concat(Enumerable.Range(0, 60).Select(_ => RandomText.Next(random)));

        Assert.All(inputs, text => AssertSound(Engine.Handle(snapshot, new InboundMessage(text, 0, null, FakeHost.Epoch.AddHours(1)))));
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

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_long_random_conversation_of_words_noise_and_ticks_never_fails(int seed)
    {
        var random = new Random(seed);
        var words = Script.Languages.SelectMany(l => l.Words.Yes.Concat(l.Words.No).Concat(l.Words.Help).Concat(l.Words.Greeting).Concat(l.Words.Name))
            .Concat(["1", "2", "3", "0", "14", "STOP", "START", "language", "recipe", "person"]).ToArray();
        var host = new FakeHost(Engine, random.Next(3) == 0 ? Tags[random.Next(Tags.Count)] : null);

        for (var i = 0; i < 400; i++)
        {
            var roll = random.Next(10);
            var turn = roll switch
            {
                0 => host.Tick(TimeSpan.FromMinutes(random.Next(0, 90))),
                1 => host.Send(RandomText.Next(random)),
                2 when host.Snapshot.HasOpenCase && random.Next(5) == 0 => CloseAndSend(host, words[random.Next(words.Length)]),
                _ => host.Send(words[random.Next(words.Length)]),
            };
            AssertSound(turn);
            Assert.True(roll != 0 || turn.Replies.Count == 0, "a tick replied");
        }
    }

    [Fact]
    public void A_null_snapshot_or_message_where_the_contract_forbids_them_is_refused_by_name()
    {
        Assert.Equal("conversation", Assert.Throws<ArgumentNullException>(() => Engine.Handle(null!, new InboundMessage("hi", 0, null, FakeHost.Epoch))).ParamName);
        Assert.Equal("message", Assert.Throws<ArgumentNullException>(() => Engine.Handle(Reach("en", "documents"), null!)).ParamName);
        Assert.Equal("conversation", Assert.Throws<ArgumentNullException>(() => Engine.Tick(null!, FakeHost.Epoch)).ParamName);
    }

    private static EngineTurn CloseAndSend(FakeHost host, string text)
    {
        host.CloseCase();
        return host.Send(text);
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
