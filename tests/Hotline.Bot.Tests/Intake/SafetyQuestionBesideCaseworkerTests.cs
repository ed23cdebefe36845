namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// An urgent word opened a Critical case while the intake's "Is it safe for you to write now?" was unanswered, and a
/// caseworker wrote at once. The person's first message beside her is read against that question (a "no" or "not safe" in
/// words makes the conversation quiet, her included); once they have written anything else to her, it is no longer the
/// question on the phone, and later "no" or not-safe words are hers to read.
/// </summary>
public sealed class SafetyQuestionBesideCaseworkerTests
{
    /// <summary>
    /// Found by a review: after a "yes" beside her (never taken as safe), the question stayed open for the rest of the case,
    /// and "he locked the door, it is not safe here" got "OK. Write again when it is safe." and refused her replies.
    /// </summary>
    [Theory]
    [InlineData("he locked the door, it is not safe here")]
    [InlineData("I can't talk to my family, he took my phone")]
    public void After_a_yes_beside_her_not_safe_words_are_hers_to_read_and_her_replies_still_go(string message)
    {
        var host = UrgentWordAndCaseworkerWrote("en");
        host.Send("yes");

        var turn = host.Send(message);

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    [Theory, IntakeLanguageData]
    public void After_a_yes_beside_her_a_later_no_is_hers_to_read(string language)
    {
        var host = UrgentWordAndCaseworkerWrote(language);
        host.Send(Words(language).Yes[0]);

        var turn = host.Send(Words(language).No[0]);

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
        Assert.True(host.Writable);
    }

    /// <summary>
    /// "Who is this?" is written to her: her answer stands between the intake's question and the person's next message, so a
    /// "no" then is hers ("A helpline. Are you with him now?"). This replaces an earlier review's reading, which held the
    /// question open until a "yes" that could never come: it silenced a Critical person for the rest of the case.
    /// </summary>
    [Theory]
    [InlineData("en", "who is this?", "2")]
    [InlineData("en", "who is this?", "not safe here, he is coming back tonight")]
    [InlineData("ne", "0", "होइन")]
    [InlineData("ar", "من انت", "لا")]
    public void After_another_message_to_her_a_no_or_not_safe_words_are_hers_to_read(string language, string between, string no)
    {
        var host = UrgentWordAndCaseworkerWrote(language);
        host.Send(between);

        var turn = host.Send(no);

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    /// <summary>The first message beside her may still answer the intake: "not safe" in words there is read as not safe.</summary>
    [Theory]
    [InlineData("en", "sorry, it is not safe here")]
    [InlineData("ne", "सुरक्षित छैन")]
    public void The_first_message_beside_her_is_still_read_against_the_unanswered_question(string language, string notSafe)
    {
        var host = UrgentWordAndCaseworkerWrote(language);

        var turn = host.Send(notSafe);

        Assert.Equal([Text(language, "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>
    /// A language chosen at the menu opened over the question asks it again in that language, the last text on the phone:
    /// the next message is read against it, and a message that does not answer it, a cry for help included, closes it.
    /// </summary>
    [Theory]
    [InlineData("who is this?")]
    [InlineData("help me")]
    [InlineData("yes")]
    public void After_the_question_asked_again_at_a_menu_choice_one_other_message_closes_it(string between)
    {
        var host = AtSafetyQuestion("en");
        host.Send(Words("en").Urgent[0]);
        host.Send(Words("en").Language[0]);
        host.CaseworkerWrites();
        Assert.Equal([Text("en", "safe_now")], host.Send(MenuNumber("en")).Replies());
        host.Send(between);

        var turn = host.Send("no");

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.True(host.Writable);
    }

    private static FakeHost UrgentWordAndCaseworkerWrote(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send(Words(language).Urgent[0]);
        host.CaseworkerWrites();
        return host;
    }
}
