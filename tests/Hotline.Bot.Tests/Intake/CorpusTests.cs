namespace Hotline.Bot.Tests.Intake;

/// <summary>Every reply of the corpus (Intake/Corpus, one file per language) is read as its file says.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string, int, string, string, string> Lines() =>
        new(IntakeCorpus.Lines.Select(l => (l.Language, l.Line, l.Step, l.Reading, l.Text)));

    [Fact]
    public void Every_language_has_a_corpus_with_every_reading()
    {
        Assert.All(Tags, tag => Assert.Equal(
            IntakeCorpus.Readings.Order(),
            IntakeCorpus.Lines.Where(l => l.Language == tag).Select(l => l.Reading).Distinct().Order()));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_reply_of_the_corpus_is_read_as_its_file_says(string language, int line, string step, string reading, string text)
    {
        Assert.True(Script.FindStep(step)?.Kind == StepKind.YesNo, $"{language}.tsv:{line}: '{step}' is not a yes/no step of the script");
        var host = AtStep(language, step);

        var turn = host.Send(text);

        var read = Read(language, step, turn);
        Assert.True(read == reading, $"{language}.tsv:{line}: '{text}' at {step} should read {reading}, but read {read}");
    }

    /// <summary>What the turn shows the engine understood, in the corpus's words.</summary>
    private static string Read(string language, string step, EngineTurn turn)
    {
        // An urgent word in the reply ("yes they hit me") puts the emergency number first; the reading is what follows.
        var replies = turn.Events.Any(e => e is UrgentWordMatched) && turn.Replies() is { Count: > 1 } all
            && all[0] == Text(language, MessageIds.Distress) ? [.. all.Skip(1)] : turn.Replies();
        var first = replies.FirstOrDefault();
        var question = Script.FindStep(step)!;
        if (replies.Count == 0 && turn.Events.Any(e => e is OptedOut))
        {
            return "stop";
        }

        if (turn.Events.Contains(new HandoffRequested("distress")) && first == Text(language, MessageIds.Distress))
        {
            return "distress";
        }

        if (turn.Events.Contains(new HandoffRequested("asked_for_person")) && first == Text(language, MessageIds.Person))
        {
            return "person";
        }

        if (replies is [var only] && only == Text(language, MessageIds.Reask) && !turn.Events.Any(e => e is AnswerRecorded or HandoffRequested))
        {
            return "unclear";
        }

        if (turn.Events.OfType<AnswerRecorded>().FirstOrDefault(a => a.StepId == step) is { } recorded)
        {
            return recorded.AnswerCode;
        }

        return first == Text(language, question.Target(AnswerCodes.Yes)!) ? "yes"
            : first == Text(language, question.Target(AnswerCodes.No)!) ? "no"
            : $"something else: {Describe(turn)}";
    }
}
