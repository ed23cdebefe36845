namespace Hotline.Bot.Tests.Intake.Support;

/// <summary>The default script and engine, loaded once, and the words and texts tests speak in.</summary>
internal static class Intake
{
    public static readonly IntakeOptions Options = new();

    public static IntakeScript Script { get; } = IntakeScript.LoadDefault();

    public static IntakeEngine Engine { get; } = IntakeEngine.CreateDefault(Options);

    public static IReadOnlyList<string> Tags { get; } = Script.Languages.Select(l => l.Tag).ToList();

    /// <summary>A text as the engine sends it, with the default options filled in.</summary>
    public static string Text(string language, string id) =>
        Placeholders.Fill(Script.Text(language, id), Options.EmergencyNumber, Options.ExpectedWaitMinutes);

    public static LanguageWords Words(string language) => Script.FindLanguage(language)!.Words;

    public static string MenuNumber(string language) => (Tags.ToList().IndexOf(language) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The language menu as it is sent: how to answer it, in the given language, then the menu itself.</summary>
    public static IReadOnlyList<string> Menu(string language = "en") => [Text(language, MessageIds.LanguageMenu), Script.LanguageMenu];

    public static IReadOnlyList<string> Replies(this EngineTurn turn) => turn.Replies.Select(r => r.Text).ToList();

    public static string Reply(this EngineTurn turn) => Assert.Single(turn.Replies).Text;

    /// <summary>A conversation in a language, already past the menu and waiting on "is it safe to write now?".</summary>
    public static FakeHost AtSafetyQuestion(string language)
    {
        var host = new FakeHost(Engine, registeredLanguage: language);
        Assert.Equal(Text(language, "safe_now"), host.Send("hi").Reply());
        return host;
    }

    /// <summary>A conversation that answered no to danger and yes to consent, waiting on the first ILO question.</summary>
    public static FakeHost AtFirstQuestion(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");
        host.Send("2");
        Assert.Equal(Text(language, "documents"), host.Send("1").Reply());
        return host;
    }

    /// <summary>
    /// A conversation waiting at a yes/no step, reached the shortest way: safe to write, not in danger, consent
    /// given, and "no" to each question before it.
    /// </summary>
    public static FakeHost AtStep(string language, string step)
    {
        var host = AtSafetyQuestion(language);
        var current = Script.ResumeStepId;
        while (current != step)
        {
            var yes = current == Script.ResumeStepId || current == Script.ConsentStepId;
            host.Send(yes ? "1" : "2");
            var next = Script.FindStep(current)!.Target(yes ? AnswerCodes.Yes : AnswerCodes.No)!;
            while (Script.FindStep(next) is { Kind: StepKind.Handoff, Next: { } after })
            {
                next = after;
            }

            current = next;
        }

        return host;
    }

    /// <summary>One line per event, lists spelled out, so that two turns can be compared as text.</summary>
    public static string Describe(EngineEvent e) => e switch
    {
        CaseRequested c => $"CaseRequested({c.Priority}, {c.Score}, [{string.Join(", ", c.Reasons)}])",
        PriorityChanged p => $"PriorityChanged({p.Priority}, {p.Score}, [{string.Join(", ", p.Reasons)}])",
        AnswerRecorded { Text: null } a => $"AnswerRecorded {{ StepId = {a.StepId}, AnswerCode = {a.AnswerCode} }}",
        IntakeEnded ended => $"IntakeEnded({ended.Reason}, [{string.Join(", ", ended.Unanswered)}])",
        _ => e.ToString(),
    };

    public static string Describe(EngineTurn turn) =>
        $"state={turn.State}\nlanguage={turn.Language}\nreplies={string.Join(" | ", turn.Replies())}\nevents={string.Join("; ", turn.Events.Select(Describe))}";
}
