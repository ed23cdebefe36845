namespace Hotline.Bot.Tests.Intake;

/// <summary>
/// A caseworker who has the conversation asks the person herself whether it is safe to write (the canned reply "Is it safe
/// for you to write now?"): the question is open as when the intake asks it beside her, so a "no" makes the conversation
/// wait until the person says it is safe, and a "yes" lets her go on.
/// </summary>
public sealed class CaseworkerAsksIfSafeTests
{
    /// <summary>
    /// Found by a safety review: the person answered her question with "no", and nothing held her next reply: it reached the
    /// phone its owner had just said is not safe to write to.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void A_no_to_the_caseworkers_question_waits_until_the_person_says_it_is_safe(string language)
    {
        var host = WithCaseworker(language);
        host.CaseworkerAsksIfSafe();

        var no = host.Send(Words(language).No[0]);

        Assert.Equal([Text(language, "not_safe")], no.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], no.Events.Select(Describe));
        Assert.False(host.Writable);
        Assert.Equal([Text(language, "safe_now")], host.Send("hi").Replies());
        Assert.False(host.Writable);
        Assert.Empty(host.Send("1").Replies);
        Assert.True(host.Writable);
    }

    [Theory]
    [InlineData("en", "sorry not safe now")]
    [InlineData("ne", "सुरक्षित छैन")]
    [InlineData("sw", "si salama sasa")]
    public void Not_safe_in_words_to_the_caseworkers_question_waits_until_the_person_says_it_is_safe(string language, string notSafe)
    {
        var host = WithCaseworker(language);
        host.CaseworkerAsksIfSafe();

        var turn = host.Send(notSafe);

        Assert.Equal([Text(language, "not_safe")], turn.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], turn.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>
    /// Her question is read against the person's next message only, as the intake's is beside her: after "who is this?", a
    /// later "I can't talk to anyone here, he locked me in" is hers to read (a review: kept open until a "yes", her question
    /// silenced a person in danger weeks later). Asked again, it is open again.
    /// </summary>
    [Fact]
    public void After_another_message_her_question_is_closed_and_asked_again_it_is_open_again()
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafe();
        Assert.Empty(host.Send("who is this?").Replies);
        Assert.True(host.Writable);

        var later = host.Send("I can't talk to anyone here, he locked me in");
        host.CaseworkerAsksIfSafe();
        var answer = host.Send("2");

        Assert.Empty(later.Replies);
        Assert.Equal([Text("en", "not_safe")], answer.Replies());
        Assert.False(host.Writable);
    }

    /// <summary>
    /// A "yes" answers her question: nothing automatic, she goes on, and a later "no" (to "Do you have your passport?") is hers
    /// to read, as it was before she asked.
    /// </summary>
    [Theory, IntakeLanguageData]
    public void A_yes_to_the_caseworkers_question_lets_her_go_on_and_a_later_no_is_hers(string language)
    {
        var host = WithCaseworker(language);
        host.CaseworkerAsksIfSafe();

        var yes = host.Send(Words(language).Yes[0]);
        var laterNo = host.Send(Words(language).No[0]);

        Assert.Empty(yes.Replies);
        Assert.Empty(yes.Events);
        Assert.Empty(laterNo.Replies);
        Assert.Empty(laterNo.Events);
        Assert.True(host.Writable);
    }

    /// <summary>
    /// Found by a safety review: a message written before her question reached the phone (the outbox had not sent it, or
    /// WhatsApp held it until the person wrote) closed it unseen, and the "no" written after reading it was not the answer.
    /// A message that crosses it answers nothing; the first one after it has left does.
    /// </summary>
    [Theory]
    [InlineData("ok")]
    [InlineData("hello")]
    [InlineData("no")]
    public void A_message_that_crosses_her_question_leaves_it_open_and_the_no_after_it_has_left_waits_until_safe(string crossing)
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafeStillUnsent();

        var crossed = host.Send(crossing);
        var stillCrossing = host.Send("are you there?");
        host.CaseworkerQuestionLeaves();
        var no = host.Send("no");

        Assert.Empty(crossed.Replies);
        Assert.Empty(crossed.Events);
        Assert.Empty(stillCrossing.Replies);
        Assert.Equal([Text("en", "not_safe")], no.Replies());
        Assert.Equal(["WentQuiet { Reason = not_safe_now }"], no.Events.Select(Describe));
        Assert.False(host.Writable);
    }

    /// <summary>A cry for help that crosses her question reaches a person as any cry does, and leaves her question open too.</summary>
    [Fact]
    public void A_cry_that_crosses_her_question_leaves_it_open_for_the_message_after_it_has_left()
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafeStillUnsent();

        host.Send("help me");
        host.CaseworkerQuestionLeaves();
        var no = host.Send("no");

        Assert.Equal([Text("en", "not_safe")], no.Replies());
        Assert.False(host.Writable);
    }

    /// <summary>
    /// "Not safe" in words crossing her question is hers to read, as beside her with no question on the phone: written before
    /// the person could read it, it answers nothing. Found by a review: "ok" and then "he locked the door, it is not safe
    /// here", both written while her question was stuck in the outbox, made the conversation quiet and refused her "Call 112
    /// now". The question stays open for the first message after it has left.
    /// </summary>
    [Theory]
    [InlineData("sorry not safe now")]
    [InlineData("he locked the door, it is not safe here")]
    public void Not_safe_in_words_that_crosses_her_question_is_hers_to_read(string notSafe)
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafeStillUnsent();
        host.Send("ok");

        var turn = host.Send(notSafe);
        host.CaseworkerQuestionLeaves();
        var no = host.Send("no");

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet);
        Assert.Equal([Text("en", "not_safe")], no.Replies());
        Assert.False(host.Writable);
    }

    /// <summary>
    /// Found by a review: her question refused for good (or cancelled) never reached the phone, yet the person's next message
    /// was read against it: "he locked the door, it is not safe here" made the conversation quiet and refused her replies. A
    /// question that never left is closed, and the messages after it are hers to read.
    /// </summary>
    [Theory]
    [InlineData("he locked the door, it is not safe here")]
    [InlineData("no")]
    public void A_question_that_never_left_is_closed_and_the_message_is_hers_to_read(string message)
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafeStillUnsent();
        host.Send("ok");
        host.CaseworkerQuestionNeverLeaves();

        var turn = host.Send(message);
        host.CaseworkerQuestionLeaves();
        var no = host.Send("no");

        Assert.Empty(turn.Replies);
        Assert.DoesNotContain(turn.Events, e => e is WentQuiet or WaitsUntilSafe);
        Assert.Empty(no.Replies);
        Assert.DoesNotContain(no.Events, e => e is WentQuiet or WaitsUntilSafe);
        Assert.True(host.Writable);
    }

    /// <summary>Without her question, a "no" beside her is hers to read, as before: nothing automatic, and she may write.</summary>
    [Fact]
    public void A_no_beside_a_caseworker_who_did_not_ask_is_hers_to_read()
    {
        var host = WithCaseworker("en");

        var turn = host.Send("no");

        Assert.Empty(turn.Replies);
        Assert.Empty(turn.Events);
        Assert.True(host.Writable);
    }

    /// <summary>
    /// Found by the property test (seed a4ojP7gxaaL1): after a "no" to her question, the person's "0" gave the case the reason
    /// asked_for_person, a re-triage from a message that may answer her. The reason is for a case the intake still asked on;
    /// a person is writing to them already. The "0" gets the safety question again, as any message while they wait.
    /// </summary>
    [Fact]
    public void Asking_for_a_person_after_a_no_to_her_question_changes_no_triage()
    {
        var host = WithCaseworker("en");
        host.CaseworkerAsksIfSafe();
        host.Send("no");

        var person = host.Send("0");

        Assert.DoesNotContain(person.Events, e => e is PriorityChanged);
        Assert.Equal([Text("en", "safe_now")], person.Replies());
        Assert.False(host.Writable);
    }

    /// <summary>Safe to write, in danger (a Critical case is open), then a caseworker wrote and the person answered her: the conversation is hers.</summary>
    private static FakeHost WithCaseworker(string language)
    {
        var host = AtSafetyQuestion(language);
        host.Send("1");
        host.Send(Words(language).Yes[0]);
        host.CaseworkerWrites();
        host.Send("hello");
        Assert.True(host.Writable);
        return host;
    }
}
