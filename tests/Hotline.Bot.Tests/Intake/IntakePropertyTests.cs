namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// The intake's safety promises over random conversations: any mix of script words, keywords, noise, ticks
/// and caseworker actions, from a fresh number or one registered in any language, so that every step meets
/// every kind of input. CsCheck shrinks a failing conversation to its shortest form and prints the seed
/// that replays it (set <c>CsCheck_Seed</c>); <c>CsCheck_Iter</c> runs more conversations.
/// </summary>
public sealed class IntakePropertyTests
{
    private abstract record Act;

    private sealed record Send(string Text) : Act;

    private sealed record Wait(int Minutes) : Act;

    private sealed record CaseworkerWrites : Act;

    private sealed record CaseworkerAsksIfSafe : Act;

    private sealed record CaseClosed : Act;

    private static readonly string[] ScriptWords = Script.Languages
        .SelectMany(l => l.Words.Yes.Concat(l.Words.No).Concat(l.Words.Help).Concat(l.Words.Greeting).Concat(l.Words.Name).Concat(l.Words.NotSafe).Concat(l.Words.Distress))
        .Concat(["0", "1", "2", "3", "9", "14", "15", "?", "language", "person", "STOP", "stop ", "START", "UNSTOP", "HELP", "recipe", " Recipe!", "RECIPE"])
        .ToArray();

    private static readonly Gen<string> Noise = Gen.Frequency(
        (6, Gen.Char[' ', '~']),
        (2, Gen.Char['\u0600', '\u06FF']),
        (2, Gen.Char['\u0900', '\u0DFF']),
        (1, Gen.Char['\u1200', '\u137F']),
        (1, Gen.Char['\u4E00', '\u4FFF']),
        (1, Gen.Char['\u0300', '\u036F']),
        (1, Gen.Char["\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2069\0\t\n\r\uFEFF\uFFFE\uFFFF"]),
        (1, Gen.Char['\uD800', '\uDFFF']))
        .Array[0, 60].Select(chars => new string(chars));

    private static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.OneOf(ScriptWords)),
        (3, Noise),
        (1, Gen.OneOf("", " ", new string('a', 10_000), string.Concat(Enumerable.Repeat("مرحبا ", 2_000)), "🆘🆘🆘", "ＳＴＯＰ", "STOP\u200B", "١", "१")));

    private static readonly Gen<Act> Step = Gen.Frequency(
        (12, Text.Select(t => (Act)new Send(t))),
        (2, Gen.Int[0, 120].Select(m => (Act)new Wait(m))),
        (1, Gen.Const((Act)new CaseworkerWrites())),
        (1, Gen.Const((Act)new CaseworkerAsksIfSafe())),
        (1, Gen.Const((Act)new CaseClosed())));

    private static readonly Gen<(string? Registered, Act[] Acts)> Conversation =
        Gen.Select(Gen.OneOf<string?>([null, .. Tags]), Step.Array[1, 40]);

    private static readonly HashSet<string> DiscreetReplies = Tags.Select(tag => Support.Intake.Text(tag, "discreet")).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void No_input_at_any_step_makes_the_engine_throw_and_every_reply_fits_two_segments()
    {
        Conversation.Sample((registered, acts) => Play(registered, acts, (_, _, turn) =>
            Assert.All(turn.Replies, reply => Assert.InRange(SmsSegments.Measure(reply.Text).Segments, 1, 2))), print: Describe);
    }

    /// <summary>
    /// The engine's side of opting out: no reply at all until the person opts in again, HELP included (the carrier
    /// answers HELP for an opted-out number, and the host sends nothing to one), so no decided reply is dropped.
    /// </summary>
    [Fact]
    public void After_opting_out_no_reply_is_decided_until_the_person_opts_in_again()
    {
        Conversation.Sample((registered, acts) => Play(registered, acts, (before, _, turn) =>
        {
            if (turn.Events.Any(e => e is OptedOut) || (before.OptedOut && !turn.Events.Any(e => e is OptedIn)))
            {
                Assert.Empty(turn.Replies);
            }
        }), print: Describe);
    }

    [Fact]
    public void A_tick_never_sends_anything()
    {
        Conversation.Sample((registered, acts) => Play(registered, acts, (_, act, turn) =>
        {
            if (act is Wait)
            {
                Assert.Empty(turn.Replies);
            }
        }), print: Describe);
    }

    [Fact]
    public void The_discreet_word_always_goes_quiet_with_at_most_a_harmless_reply()
    {
        Conversation.Sample((registered, acts) => Play(registered, acts, (before, act, turn) =>
        {
            if (act is Send { Text: var text } && IsDiscreetWord(text) && !before.OptedOut)
            {
                Assert.Contains(new WentQuiet("discreet_word"), turn.Events);
                Assert.All(turn.Replies, reply => Assert.Contains(reply.Text, DiscreetReplies));
            }
        }), print: Describe);
    }

    /// <summary>
    /// Once a caseworker has written, the person's message may answer her: nothing they write is recorded as an intake
    /// answer, and only an urgent word or a cry for help changes the case's priority (the person's own words, not a reply read
    /// as an answer).
    /// </summary>
    [Fact]
    public void Once_a_caseworker_has_written_nothing_the_person_writes_is_recorded_as_an_intake_answer()
    {
        Conversation.Sample((registered, acts) => Play(registered, acts, (before, act, turn) =>
        {
            if (act is Send send && before.HasOpenCase && before.CaseworkerHasWritten)
            {
                Assert.DoesNotContain(turn.Events, e => e is AnswerRecorded);
                // A word of danger raises the case, and so does the discreet word (someone may be reading the phone): none is an answer.
                Assert.True(!turn.Events.Any(e => e is PriorityChanged) || turn.Events.Any(e => e is UrgentWordMatched) || Cries.Contains(send.Text)
                    || IsDiscreetWord(send.Text),
                    string.Join("; ", turn.Events.Select(Support.Intake.Describe)));
            }
        }), print: Describe);
    }

    /// <summary>
    /// A conversation that went quiet (the discreet word, "not safe", silence at the safety question) can be written to again
    /// only by the person's answer to the safety question: no HELP, START, "0", cry, menu or closed case ends the wait, and
    /// no tick. Meanwhile nothing but the safety question and its kin (the menu, asking again, the not-safe acknowledgement,
    /// the decoy) reaches the phone. Which answers are a "yes" is the answer reader's to say (its own tests). A closed case's
    /// person writing again waits for the answer too, but nothing warned of the phone: as at a first message, HELP and START
    /// get their neutral texts, and asking for a person or a word of danger lets a caseworker write at once. That wait is for the
    /// open case's caseworker: once the case is closed as well, nobody can write to the phone (a closed case opens read-only), so
    /// START there gets its confirmation alone ("nothing more once its case was closed", docs/intake/README.md) and ends no
    /// wait, and the next message begins a new intake that waits again.
    /// </summary>
    [Fact]
    public void A_quiet_conversation_is_written_to_again_only_by_the_answer_to_the_safety_question()
    {
        Conversation.Sample((registered, acts) =>
        {
            var waiting = false;
            var warned = false;
            string? lastOnThePhone = null;
            Play(registered, acts, (before, _, act, turn, isWritable) =>
            {
                var said = act is Send send ? send.Text : null;
                if (waiting)
                {
                    var answered = said is not null && lastOnThePhone is not null && SafetyQuestions.Contains(lastOnThePhone)
                        && !AnswersNothing(said);
                    var askedForAPersonOrInDanger = !warned && turn.Events.Any(e => e is HandoffRequested or UrgentWordMatched);
                    var noCaseToWriteOn = !warned && !before.HasOpenCase && !turn.Events.Any(e => e is CaseRequested);
                    Assert.True(!isWritable || answered || askedForAPersonOrInDanger || noCaseToWriteOn,
                        $"'{said ?? "(a tick)"}' after '{lastOnThePhone}' ended the wait until it is safe: {Support.Intake.Describe(turn)}");
                    Assert.All(turn.Replies, reply => Assert.True(
                        isWritable || WhileWaitingUntilSafe.Contains(reply.Text) || (!warned && NeutralKeywordReplies.Contains(reply.Text)),
                        $"'{reply.Text}' reached the phone while it waited until it is safe"));
                }

                warned = !isWritable && (warned || turn.Events.Any(e => e is WentQuiet) || (said is not null && IsDiscreetWord(said)));
                waiting = !isWritable && (waiting || warned || turn.Events.Any(e => e is WaitsUntilSafe));
                lastOnThePhone = turn.Replies.Select(r => r.Text).LastOrDefault(r => !NeutralKeywordReplies.Contains(r)) ?? lastOnThePhone;
            });
        }, print: Describe);
    }

    private static readonly HashSet<string> Cries = Script.Languages.SelectMany(l => l.Words.Distress).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The safety question, and asking again for a number after an unclear answer to it.</summary>
    private static readonly HashSet<string> SafetyQuestions = Tags
        .SelectMany(tag => new[] { Support.Intake.Text(tag, "safe_now"), Support.Intake.Text(tag, "reask") })
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>What may reach a phone not said to be safe: the safety question and the menu before it, asking again, the not-safe acknowledgement, the decoy.</summary>
    private static readonly HashSet<string> WhileWaitingUntilSafe = Tags
        .SelectMany(tag => new[] { Support.Intake.Text(tag, "not_safe"), Support.Intake.Text(tag, "discreet") }.Concat(Menu(tag)))
        .Concat(SafetyQuestions)
        .ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> NeutralKeywordReplies = Tags
        .SelectMany(tag => new[] { Support.Intake.Text(tag, "help"), Support.Intake.Text(tag, "opted_in") })
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The words that work at any step (STOP, START, HELP, a person, the menu, a cry, the discreet word): sent under the safety
    /// question, they are not its answer. A word that is also a "yes" somewhere is left out, to be read as the answer it is.
    /// </summary>
    private static readonly HashSet<string> AnyStepWords = Script.Languages
        .SelectMany(l => l.Words.Stop.Concat(l.Words.Start).Concat(l.Words.Help).Concat(l.Words.Person).Concat(l.Words.Language)
            .Concat(l.Words.Distress))
        .Concat(["0", "STOP", "START", "UNSTOP", "HELP", "INFO", Options.DiscreetWord])
        .Except(Script.Languages.SelectMany(l => l.Words.Yes), StringComparer.OrdinalIgnoreCase)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static bool AnswersNothing(string text) => AnyStepWords.Contains(text.Trim(' ', '!'));

    private static bool IsDiscreetWord(string text) => text.Trim(' ', '!').Equals(Options.DiscreetWord, StringComparison.OrdinalIgnoreCase);

    /// <summary>Plays the conversation through the contract's host, checking each turn against the snapshot it was taken on.</summary>
    private static void Play(string? registered, Act[] acts, Action<ConversationSnapshot, Act, EngineTurn> check) =>
        Play(registered, acts, (before, _, act, turn, _) => check(before, act, turn));

    /// <summary>As above, with whether a caseworker could write to the phone before and after each turn, as the host decides it.</summary>
    private static void Play(string? registered, Act[] acts, Action<ConversationSnapshot, bool, Act, EngineTurn, bool> check)
    {
        var host = new FakeHost(Engine, registered);
        foreach (var act in acts)
        {
            var before = host.Snapshot;
            var wasWritable = host.Writable;
            switch (act)
            {
                case Send send:
                    check(before, wasWritable, act, host.Send(send.Text), host.Writable);
                    break;
                case Wait wait:
                    check(before, wasWritable, act, host.Tick(TimeSpan.FromMinutes(wait.Minutes)), host.Writable);
                    break;
                case CaseworkerWrites when before.HasOpenCase && wasWritable:
                    host.CaseworkerWrites();
                    break;
                case CaseworkerAsksIfSafe when before.HasOpenCase && wasWritable:
                    host.CaseworkerAsksIfSafe();
                    break;
                case CaseClosed:
                    host.CloseCase();
                    break;
            }
        }
    }

    private static string Describe((string? Registered, Act[] Acts) conversation) =>
        $"registered={conversation.Registered ?? "none"}: " + string.Join(" | ", conversation.Acts.Select(act => act switch
        {
            Send send => $"\"{string.Concat(send.Text.Take(40).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"))}\"" +
                (send.Text.Length > 40 ? $"...({send.Text.Length})" : ""),
            Wait wait => $"wait {wait.Minutes}m",
            _ => act.GetType().Name,
        }));
}
