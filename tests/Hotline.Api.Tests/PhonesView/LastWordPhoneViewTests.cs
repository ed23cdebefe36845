namespace Hotline.Api.Tests.PhonesView;

/// <summary>
/// The last word before the silence (the discreet word's decoy, the acknowledgement of "not safe") reaches the phone even
/// when the person writes again before it has left the outbox (an outage, a retry's backoff, the send rate): it goes out
/// first, then whatever their new message got while the conversation stays quiet. A new quiet spell, or STOP, ends it.
/// Judged by what reaches the Twilio stand-in.
/// </summary>
[Collection(nameof(PhoneViewHost))]
public sealed class LastWordPhoneViewTests(PhoneViewHost host)
{
    private const string SafetyQuestion = "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person.";

    /// <summary>
    /// Found by a review: the decoy was marked to go only while the conversation stayed at the version its turn wrote, and
    /// "hello" wrote the next one: the phone got the safety question and never "Sorry, wrong number.", though the decoy is what
    /// someone else reading the phone should see.
    /// </summary>
    [Fact]
    public async Task The_decoy_still_waiting_when_the_person_writes_again_reaches_the_phone_before_the_safety_question()
    {
        var phone = await host.NewPhoneInAsync("en");
        var before = phone.Received.Count;

        await phone.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);
        await phone.WriteBeforeTheOutboxRunsAsync("hello");
        await phone.MeanwhileAsync("the outbox runs again");

        Assert.Equal(["Sorry, wrong number.", SafetyQuestion], phone.Received.Skip(before));
    }

    /// <summary>Found by a review: after "2" and a quick "sorry can't talk", the person got nothing at all.</summary>
    [Fact]
    public async Task The_not_safe_acknowledgement_still_waiting_when_the_person_writes_again_reaches_the_phone()
    {
        var phone = await host.NewPhoneInAsync("en");
        var before = phone.Received.Count;

        await phone.WriteBeforeTheOutboxRunsAsync("2");
        await phone.WriteBeforeTheOutboxRunsAsync("sorry can't talk");
        await phone.MeanwhileAsync("the outbox runs again");

        Assert.Equal(["OK. Write again when it is safe."], phone.Received.Skip(before));
    }

    /// <summary>
    /// "Not safe", "hi" (the safety question again), "1" (safe: the next question), then the discreet word, all before the
    /// outbox ran: the discreet word began a new quiet spell, and the first spell's acknowledgement and question, sent now,
    /// would tell whoever holds the phone that this is no wrong number. Only the decoy goes.
    /// </summary>
    [Fact]
    public async Task The_last_words_of_an_earlier_quiet_spell_still_waiting_are_not_sent_in_a_new_one()
    {
        var phone = await host.NewPhoneInAsync("en");
        var before = phone.Received.Count;

        await phone.WriteBeforeTheOutboxRunsAsync("2");
        await phone.WriteBeforeTheOutboxRunsAsync("hi");
        await phone.WriteBeforeTheOutboxRunsAsync("1");
        await phone.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);
        await phone.MeanwhileAsync("the outbox runs again");

        Assert.Equal(["Sorry, wrong number."], phone.Received.Skip(before));
    }

    [Fact]
    public async Task Stop_after_the_discreet_word_and_another_message_cancels_every_last_word_still_waiting()
    {
        var phone = await host.NewPhoneInAsync("en");
        var before = phone.Received.Count;

        await phone.WriteBeforeTheOutboxRunsAsync(IntakePhoneViewTests.DiscreetWord);
        await phone.WriteBeforeTheOutboxRunsAsync("hello");
        await phone.WriteBeforeTheOutboxRunsAsync("STOP");
        await phone.MeanwhileAsync("the outbox runs again");

        Assert.Empty(phone.Received.Skip(before));
    }
}
