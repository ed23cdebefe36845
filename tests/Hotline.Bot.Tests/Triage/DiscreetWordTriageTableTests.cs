namespace Hotline.Bot.Tests.Triage;

/// <summary>
/// The golden rows of the discreet word in triage: whole conversations, and the band, score and reasons the host last heard for
/// the case (the last <see cref="CaseRequested"/> or <see cref="PriorityChanged"/>), written out by hand. The discreet word says
/// someone may be reading the phone: the person is likely near the one who controls it, so the case is at least Medium
/// (reason <c>discreet_word</c>, 15 points) for the rest of the case. Before, the case it opened and the plea written after it
/// were Low with score 0, behind every Medium case.
/// </summary>
public sealed class DiscreetWordTriageTableTests
{
    private const string Plea = "he is watching, I need help, he took my passport";

    /// <summary>"[closed]" stands for a caseworker closing the case; every other item is a message from the phone.</summary>
    [Theory]
    [InlineData("hello | recipe | " + Plea, "CaseRequested(Medium, 15, [discreet_word, wrote_while_not_safe])")]
    [InlineData("hello | 1 | 2 | 1 | recipe", "PriorityChanged(Medium, 15, [discreet_word])")]
    [InlineData("hello | 1 | 2 | 1 | 1 | recipe", "PriorityChanged(Medium, 35, [discreet_word, documents_retained])")]
    [InlineData("hello | 1 | 2 | 1 | 1 | 2 | 1 | 1 | recipe", "PriorityChanged(High, 70, [discreet_word, documents_retained, debt_to_employer, dependent_on_employer])")]
    [InlineData("hello | recipe | hi | 1 | 2 | 1", "CaseRequested(Medium, 15, [discreet_word])")]
    [InlineData("hello | 1 | 2 | 1 | recipe | [closed] | hi", "CaseRequested(Medium, 15, [discreet_word])")]
    [InlineData("hello | recipe | he beats me", "CaseRequested(Critical, 115, [urgent_word, discreet_word])")]
    public void The_discreet_word_ranks_the_case_at_least_medium(string conversation, string heard)
    {
        Assert.Equal(heard, LastTriageHeard(conversation));
    }

    /// <summary>What is not the discreet word keeps the triage it had: these rows are as they were before it counted.</summary>
    [Theory]
    [InlineData("hello | 2 | " + Plea, "CaseRequested(Low, 0, [wrote_while_not_safe])")]
    [InlineData("can anyone read this | 1 | 1 | 2 | 1", "CaseRequested(Low, 0, [])")]
    [InlineData("hello | 1 | 2 | 1 | 1", "PriorityChanged(Medium, 20, [documents_retained])")]
    [InlineData("hello | recipe | hi | 1 | 2 | 1 | [closed] | hi", "CaseRequested(Low, 0, [])")]
    [InlineData("hello | recipe", "")]
    public void Without_the_discreet_word_in_the_case_triage_is_unchanged(string conversation, string heard)
    {
        Assert.Equal(heard, LastTriageHeard(conversation));
    }

    private static string LastTriageHeard(string conversation)
    {
        var host = new FakeHost(Engine);
        var heard = "";
        foreach (var item in conversation.Split(" | "))
        {
            if (item == "[closed]")
            {
                host.CloseCase();
                continue;
            }

            foreach (var e in host.Send(item).Events.Where(e => e is CaseRequested or PriorityChanged))
            {
                heard = Describe(e);
            }
        }

        return heard;
    }
}
