namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// A caseworker writing to a person who went quiet or opted out: the reply is refused with the reason, and a
/// reply still waiting when the person goes quiet never leaves. Each scenario takes the only open case, and
/// closes it at the end, so the next scenario's case is the next one taken.
/// </summary>
[Collection(nameof(CaseworkerViewHost))]
public sealed class CaseworkerPhoneViewTests(CaseworkerViewHost host)
{
    [Fact]
    public async Task A_caseworker_cannot_write_to_a_person_who_used_the_discreet_word_until_they_say_it_is_safe_again()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));

        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you still there?"));
        await phone.WriteAsync("hi");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you for writing again."));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you for writing again."));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-discreet-word", phone.View);
    }

    /// <summary>
    /// Beside a caseworker who has the conversation, "can't talk" in words is hers to read: nothing automatic reaches the
    /// phone, and her replies are not held (a first version held them, and with them her "Call 112 now" to a person who wrote
    /// "it is not safe here" meaning danger).
    /// </summary>
    [Fact]
    public async Task Beside_a_caseworker_a_person_who_writes_they_cannot_talk_gets_nothing_automatic_and_she_answers_when_they_write_again()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));

        await phone.WriteAsync("sorry can't talk, boss is here");
        await phone.WriteAsync("ok he left");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you for writing again."));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-not-safe-in-words", phone.View);
    }

    /// <summary>
    /// Found by a newcomer: once the person had answered the caseworker (the intake handed over), the discreet word's quiet
    /// ended with their next message, without the safety question, and the caseworker's next reply reached the phone.
    /// </summary>
    [Fact]
    public async Task After_the_intake_handed_over_the_discreet_word_still_holds_the_caseworker_until_the_person_says_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await phone.WriteAsync("yes, the boss is out");

        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "hi it's me again");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Did your boss see your phone?"));
        await phone.WriteAsync("yes");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Did your boss see your phone?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-discreet-word-once-handed-over", phone.View);
    }

    /// <summary>
    /// A review: after the discreet word, "not safe" written again got nothing and opened no case, so no caseworker ever read
    /// it, a cry for help in it included; so did a message that went on to say the person could talk now. A short "not safe"
    /// still gets nothing on the phone, but reaches a case (Critical with the cry); a longer message gets the safety question.
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_not_safe_with_a_cry_reaches_a_critical_case_and_nothing_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "not safe, please help");
        var (caseId, lease) = await caseworker.TakeShowingCaseAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("I was not safe before, I can talk now");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-not-safe-and-a-cry-after-discreet-word", phone.View);
    }

    /// <summary>
    /// A review: silent for half an hour at the safety question, then "Please help, I am not safe here, I need to talk to
    /// someone": nothing reached the phone, the case stayed Low, and the console said the person was asked whether it is safe.
    /// "can't talk" alone still gets nothing, and the console says the person said it is not safe; the plea gets the safety
    /// question, and its cry makes the case Critical.
    /// </summary>
    [Fact]
    public async Task Silent_at_the_safety_question_then_not_safe_in_words_tells_the_caseworker_what_the_phone_got()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await HandOffSilentIntakeAnHourLaterAsync(phone);
        var (caseId, lease) = await caseworker.TakeAsync(phone);

        await phone.WriteAsync("can't talk");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await phone.WriteAsync("Please help, I am not safe here, I need to talk to someone");
        await caseworker.ShowCaseAsync(phone, caseId);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-not-safe-in-words-after-safety-unanswered", phone.View);
    }

    /// <summary>
    /// A review: the intake complete and the case waiting at Low, unclaimed, "sos" left it Low and got no reply, while
    /// "police" in the same place made it Critical with the emergency number. A cry now does what the urgent word does.
    /// </summary>
    [Fact]
    public async Task After_the_intake_handed_over_a_distress_word_makes_the_waiting_case_critical_and_tells_the_emergency_number()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "2", "1", "2", "2", "1", "2", "2", "2", "2", "2", "2", "Al Quoz, Dubai");

        await phone.WriteAsync("sos");
        var (caseId, lease) = await caseworker.TakeShowingTriageAsync(phone);
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-distress-after-the-intake-handed-over", phone.View);
    }

    /// <summary>
    /// Found by the engineer who made the conversation wait after the discreet word: HELP (or "info"), and START after STOP,
    /// each ended the quiet without the person saying it was safe, and the caseworker's next reply reached the phone.
    /// </summary>
    [Fact]
    public async Task Neither_help_nor_start_after_stop_lets_a_caseworker_write_before_the_person_says_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));

        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "HELP");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you still there?"));
        await phone.WriteAsync("STOP", "START");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you still there?"));
        await phone.WriteAsync("info");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you still there?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you for writing again."));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-discreet-word-help-and-start", phone.View);
    }

    /// <summary>
    /// Found by a newcomer: a person whose case was closed wrote again, got "Is it safe for you to write now?", and a
    /// caseworker's "Hello again, are you OK?" reached the phone under the unanswered question. The case opens at once, so she
    /// sees the message; she writes once they say it is safe, as after a first message.
    /// </summary>
    [Fact]
    public async Task A_caseworker_writes_to_a_returning_person_only_once_they_say_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await caseworker.CloseAsync(caseId, lease);

        await phone.WriteAsync("thank you");
        (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Hello again, are you OK?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Hello again, are you OK?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-returning-person", phone.View);
    }

    /// <summary>
    /// Found by a review: an urgent word opened the case at the safety question, the person asked for the language menu, and
    /// a caseworker wrote. The menu answers nothing: their "no" is read as not safe, as beside her without the menu. Before,
    /// the "no" was taken as hers and her next reply reached the phone.
    /// </summary>
    [Fact]
    public async Task A_no_after_the_language_menu_opened_over_the_unanswered_safety_question_is_read_as_not_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("they beat me", "language");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));

        await phone.WriteAsync("no");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-the-menu-before-the-safety-answer", phone.View);
    }

    /// <summary>
    /// Found by a review: the same, with "2" instead of "no": on the menu it is العربية, but it was read as "no" to the
    /// safety question; the phone got "OK. Write again when it is safe." and her replies were refused. It chooses the
    /// language, the safety question comes again in it, and she may write.
    /// </summary>
    [Fact]
    public async Task A_number_at_the_language_menu_opened_over_the_unanswered_safety_question_chooses_the_language()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("they beat me", "language");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));

        await phone.WriteAsync("2");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-the-menu-before-the-safety-answer-a-number", phone.View);
    }

    [Fact]
    public async Task A_caseworker_reply_still_waiting_when_the_discreet_word_arrives_never_leaves()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        phone.NoteWhileTheOutboxWaits(await caseworker.ReplyAsync(caseId, lease, "Where are you now?"));

        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord);
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-reply-waiting-at-discreet-word", phone.View);
    }

    [Fact]
    public async Task A_caseworker_cannot_write_to_a_person_who_said_it_is_not_safe_or_who_opted_out()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "hi", "2");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you safe?"));
        await phone.WriteAsync("STOP");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Are you safe?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-not-safe-and-stop", phone.View);
    }

    /// <summary>
    /// Found by a review: a person silent at "Is it safe for you to write now?" was handed to a caseworker after half an
    /// hour, and her first reply reached a phone nobody had said was safe to write to.
    /// </summary>
    [Fact]
    public async Task A_caseworker_cannot_write_to_a_person_who_went_silent_before_saying_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await HandOffSilentIntakeAnHourLaterAsync(phone);
        var (caseId, lease) = await caseworker.TakeAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await phone.WriteAsync("hi");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Can you talk?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-after-safety-unanswered", phone.View);
    }

    /// <summary>
    /// An urgent word opens a Critical case while "Is it safe for you to write now?" is unanswered, and a caseworker answers
    /// at once. The person's "no" may be to her "Are you hurt?" or to the intake: it is read the careful way, as not safe,
    /// and nothing of hers reaches the phone until they write again and say it is safe. A "yes" beside her is not taken as
    /// safe: nothing automatic follows it. Only the first message beside her is read so: after "who is this?" and her
    /// answer, a "2" is hers to read, and her next reply reaches the phone.
    /// </summary>
    [Fact]
    public async Task A_caseworker_who_wrote_before_the_safety_answer_is_held_by_a_no_until_the_person_says_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var no = await host.NewPhoneInAsync("en");
        await no.WriteAsync("they beat me");
        var (caseId, lease) = await caseworker.TakeAsync(no);
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));

        await no.WriteAsync("no");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await no.WriteAsync("hi");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await no.WriteAsync("1");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you. Can you tell me where you are?"));
        await caseworker.CloseAsync(caseId, lease);

        var yes = await host.NewPhoneInAsync("en");
        await yes.WriteAsync("they beat me");
        (caseId, lease) = await caseworker.TakeAsync(yes);
        await yes.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await yes.WriteAsync("yes");
        await yes.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you get to a doctor?"));
        await caseworker.CloseAsync(caseId, lease);

        var later = await host.NewPhoneInAsync("en");
        await later.WriteAsync("they beat me");
        (caseId, lease) = await caseworker.TakeAsync(later);
        await later.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await later.WriteAsync("who is this?");
        await later.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "A helpline. Can you talk?"));
        await later.WriteAsync("2");
        await later.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-before-the-safety-answer", "## no\n" + no.View + "## yes\n" + yes.View + "## no after another message\n" + later.View);
    }

    /// <summary>
    /// Found by a review: an urgent word opened the case before the safety question was answered, a caseworker wrote, and the
    /// person said "yes" (never taken as safe). The question stayed open for the rest of the case: "he locked the door, it is
    /// not safe here" got "OK. Write again when it is safe." and her "Call 112 now" was refused. Once the person has written
    /// to her, the words are hers to read, and her reply reaches the phone.
    /// </summary>
    [Fact]
    public async Task After_the_person_wrote_to_her_not_safe_in_words_is_hers_to_read_and_her_reply_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("they beat me");
        var (caseId, lease) = await caseworker.TakeAsync(phone);
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("yes");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Where is he now?"));

        await phone.WriteAsync("he locked the door, it is not safe here");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Call 112 now if you can. I am staying with you."));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-not-safe-in-words-after-writing-to-her", phone.View);
    }

    /// <summary>
    /// Found by a safety review: a caseworker asked the person herself whether it is safe to write (the canned reply), they
    /// answered "no", and her next reply reached the phone. Now her question is open as the intake's is: a "no" (or "not
    /// safe" in words) holds her replies until the person writes again and says it is safe, also when the question is in a
    /// message of her own words around it; a "yes" lets her go on, and a later "no" to another of her questions is hers.
    /// </summary>
    [Fact]
    public async Task A_no_to_the_caseworkers_own_question_whether_it_is_safe_holds_her_replies_until_the_person_says_it_is_safe()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var no = await host.NewPhoneInAsync("en");
        await no.WriteAsync("1", "1");
        var (caseId, lease) = await caseworker.TakeAsync(no);
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Is it safe for you to write now?"));
        await no.WriteAsync("no");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await no.WriteAsync("hi");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Can you tell me where you are?"));
        await no.WriteAsync("1");
        await no.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Thank you. Can you tell me where you are?"));
        await caseworker.CloseAsync(caseId, lease);

        var notSafe = await host.NewPhoneInAsync("ne");
        await notSafe.WriteAsync("1", "1");
        (caseId, lease) = await caseworker.TakeAsync(notSafe);
        await notSafe.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "नमस्ते, म यहाँ छु। के अहिले तपाईंलाई लेख्न सुरक्षित छ?"));
        await notSafe.WriteAsync("सुरक्षित छैन");
        await notSafe.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "तपाईं कहाँ हुनुहुन्छ?"));
        await notSafe.WriteAsync("नमस्ते");
        await notSafe.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "तपाईं कहाँ हुनुहुन्छ?"));
        await notSafe.WriteAsync("1");
        await notSafe.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "तपाईं कहाँ हुनुहुन्छ?"));
        await caseworker.CloseAsync(caseId, lease);

        var yes = await host.NewPhoneInAsync("en");
        await yes.WriteAsync("1", "1");
        (caseId, lease) = await caseworker.TakeAsync(yes);
        await yes.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Is it safe for you to write now?"));
        await yes.WriteAsync("yes");
        await yes.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Do you have your passport?"));
        await yes.WriteAsync("no");
        await yes.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "Who has it?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-asks-if-safe",
            "## no\n" + no.View + "## not safe in words, her question inside her own message\n" + notSafe.View + "## yes\n" + yes.View);
    }

    /// <summary>
    /// Found by a newcomer: after the discreet word, "मलाई बचाउ" (save me) got "If you can, call 112 now…" at once, the
    /// case had no quiet banner and a caseworker's reply reached the phone. Now the phone gets only the safety question;
    /// the case goes to a person out of sight, her replies are refused until "yes", and the number answers the "yes".
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_a_distress_word_reaches_a_caseworker_but_only_the_safety_question_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = host.NewPhone();
        await phone.WriteAsync("नमस्ते", "1", IntakePhoneViewTests.DiscreetWord, "मलाई बचाउ");
        var (caseId, lease) = await caseworker.TakeShowingTriageAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("?");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-distress-after-discreet-word", phone.View);
    }

    /// <summary>
    /// A newcomer's walk: after the discreet word, "I need help" got the safety question and opened no case, while "help me"
    /// there went to a person out of sight. It is a cry for help now: the same case, Critical, and the same phone view.
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_I_need_help_reaches_a_caseworker_but_only_the_safety_question_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "I need help");
        var (caseId, lease) = await caseworker.TakeShowingTriageAsync(phone);

        Assert.Equal(
            ["Sorry, wrong number.", "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            phone.Received.TakeLast(2));
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-i-need-help-after-discreet-word", phone.View);
    }

    /// <summary>
    /// Found by a newcomer: after the discreet word, "साहुले कुट्छ" (the boss beats me) opened no case. Now it opens a
    /// Critical one out of sight; the phone gets only the safety question, and the number comes with the "yes".
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_an_urgent_word_opens_a_critical_case_but_only_the_safety_question_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("ne");
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "साहुले कुट्छ");
        var (caseId, lease) = await caseworker.TakeShowingTriageAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-urgent-word-after-discreet-word", phone.View);
    }

    /// <summary>
    /// A newcomer's walk: after the discreet word, "he is watching, I need help, he took my passport" got the safety question
    /// (right) but opened no case, so no caseworker read it, and had the person never said "yes", nobody would have known. The
    /// case now opens out of sight, saying the person wrote while it was not safe to answer; the phone gets only the safety
    /// question, her reply is refused until the "yes", and then the intake goes on where it was.
    /// </summary>
    [Fact]
    public async Task After_the_discreet_word_a_longer_message_reaches_a_caseworker_but_only_the_safety_question_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "he is watching, I need help, he took my passport");
        var (caseId, lease) = await caseworker.TakeShowingCaseAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-longer-message-after-discreet-word", phone.View);
    }

    /// <summary>A check-in after the discreet word says no more than the word did: the safety question, and no case to take.</summary>
    [Fact]
    public async Task After_the_discreet_word_a_short_message_gets_the_safety_question_and_leaves_no_case_to_take()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync(IntakePhoneViewTests.DiscreetWord, "are you there?");

        await caseworker.FindNothingToTakeAsync(phone);

        Assert.Equal(
            ["Sorry, wrong number.", "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            phone.Received.TakeLast(2));
        GoldenFile.Match("caseworker-short-message-after-discreet-word", phone.View);
    }

    /// <summary>
    /// "no, he is in the next room, he took my passport" to the first safety question got "OK. Write again when it is safe."
    /// (right) and opened no case: nothing answers a quiet conversation, so had the person never written again, nobody would
    /// have read it. The case now opens out of sight; the phone gets exactly what it got, and her reply is refused until the
    /// person writes again and says it is safe.
    /// </summary>
    [Fact]
    public async Task A_long_no_to_the_first_safety_question_reaches_a_caseworker_but_only_the_not_safe_reply_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("no, he is in the next room, he took my passport");
        var (caseId, lease) = await caseworker.TakeShowingCaseAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await phone.WriteAsync("hi", "1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        Assert.Equal(["OK. Write again when it is safe."], phone.Received.Skip(3).Take(1));
        GoldenFile.Match("caseworker-long-no-to-the-safety-question", phone.View);
    }

    /// <summary>
    /// After STOP, "please I need someone to know, they keep us in the house" got nothing (right: the number opted out) and
    /// opened nothing, so nobody read it. The case now opens out of sight, saying the person wrote after opting out; nothing
    /// reaches the phone, her reply is refused until START, and START gets what it got.
    /// </summary>
    [Fact]
    public async Task After_stop_a_longer_message_reaches_a_caseworker_and_nothing_reaches_the_phone()
    {
        await using var caseworker = await Caseworker.StartAsync(host);
        var phone = await host.NewPhoneInAsync("en");
        await phone.WriteAsync("STOP", "please I need someone to know, they keep us in the house");
        var received = phone.Received.Count;
        var (caseId, lease) = await caseworker.TakeShowingCaseAsync(phone);

        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        Assert.Equal(received, phone.Received.Count);
        await phone.WriteAsync("START", "1");
        await phone.MeanwhileAsync(await caseworker.ReplyAsync(caseId, lease, "I am here. Are you hurt?"));
        await caseworker.CloseAsync(caseId, lease);

        GoldenFile.Match("caseworker-longer-message-after-stop", phone.View);
    }

    /// <summary>A caseworker signed in through the real form, working through the real hub; refusals go into the phone's view as they are worded.</summary>
    private sealed class Caseworker(HubConnection hub) : IAsyncDisposable
    {
        public static async Task<Caseworker> StartAsync(CaseworkerViewHost host)
        {
            var app = host.Harness.App;
            var user = await SignedInClient.AddUserAsync(app, $"cw-{Guid.NewGuid():N}", UserRole.Caseworker, [.. PhoneViewHost.LanguageTags]);
            var hub = (await SignedInClient.SignInAsync(app, user)).Hub();
            await hub.StartAsync(Ct);
            return new Caseworker(hub);
        }

        public async Task<(Guid CaseId, Guid Lease)> TakeAsync(Phone phone)
        {
            var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
            Assert.True(taken.Ok, taken.Refusal);
            await phone.MeanwhileAsync("a caseworker takes the case");
            return (taken.Value!.Case.Id, taken.Value.LeaseToken!.Value);
        }

        /// <summary>Asks for the next case and notes that none was given, with the refusal as the console words it.</summary>
        public async Task FindNothingToTakeAsync(Phone phone)
        {
            var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
            Assert.False(taken.Ok);
            await phone.MeanwhileAsync($"a caseworker takes the next case: {taken.Refusal}");
        }

        /// <summary>Takes the case and notes how it reached the queue: band, reasons, urgent words, and the conversation's status.</summary>
        public async Task<(Guid CaseId, Guid Lease)> TakeShowingTriageAsync(Phone phone)
        {
            var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
            Assert.True(taken.Ok, taken.Refusal);
            var found = taken.Value!.Case;
            await phone.MeanwhileAsync(
                $"a caseworker takes the case: {found.Priority} [{string.Join(", ", found.Reasons)}], urgent words "
                + $"[{string.Join(", ", taken.Value.UrgentWords ?? [])}], conversation {found.ConversationStatus} ({found.ConversationStatusReason})");
            return (found.Id, taken.Value.LeaseToken!.Value);
        }

        /// <summary>Takes the case and notes what it shows (<see cref="ShowCaseAsync"/>).</summary>
        public async Task<(Guid CaseId, Guid Lease)> TakeShowingCaseAsync(Phone phone)
        {
            var taken = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct);
            Assert.True(taken.Ok, taken.Refusal);
            await phone.MeanwhileAsync("a caseworker takes the case: " + Shown(taken.Value!));
            return (taken.Value!.Case.Id, taken.Value.LeaseToken!.Value);
        }

        /// <summary>Opens the case and notes what it shows: band, reasons, the conversation's status, and what the person wrote.</summary>
        public async Task ShowCaseAsync(Phone phone, Guid caseId)
        {
            var opened = await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct);
            Assert.True(opened.Ok, opened.Refusal);
            await phone.MeanwhileAsync("the case shows: " + Shown(opened.Value!));
        }

        private static string Shown(CaseDetail detail) =>
            $"{detail.Case.Priority} [{string.Join(", ", detail.Case.Reasons)}], conversation {detail.Case.ConversationStatus} "
            + $"({detail.Case.ConversationStatusReason}), the person wrote "
            + $"[{string.Join(" | ", detail.Transcript.Where(m => m.Direction == nameof(MessageDirection.Inbound)).Select(m => m.Body))}]";

        /// <summary>What the caseworker saw: the reply queued, or refused with the reason the console shows.</summary>
        public async Task<string> ReplyAsync(Guid caseId, Guid lease, string text)
        {
            var answer = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), caseId, lease, text, Guid.NewGuid(), Ct);
            return answer.Ok ? $"a caseworker writes \"{text}\"" : $"a caseworker's reply \"{text}\" is refused: {answer.Refusal}";
        }

        public async Task CloseAsync(Guid caseId, Guid lease)
        {
            var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), caseId, lease, "resolved", null, Ct);
            Assert.True(closed.Ok, closed.Refusal);
        }

        public ValueTask DisposeAsync() => hub.DisposeAsync();
    }

    /// <summary>An hour on, the intake timer hands the person's silent intake to a caseworker.</summary>
    private async Task HandOffSilentIntakeAnHourLaterAsync(Phone phone)
    {
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        await ActivatorUtilities.CreateInstance<IntakeTimeoutJob>(host.Harness.App.Services, (TimeProvider)later).TickSilentIntakesAsync(Ct);
        await phone.MeanwhileAsync("an hour later the intake timer hands the silent intake to a caseworker");
    }
}
