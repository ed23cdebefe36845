using Hotline.Api.Tests.WhatsApp;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A quiet conversation (the discreet word) whose engine state is gone: erased, or unreadable under a key no longer
/// configured. The conversation's record says it is quiet, and it stays so: the person's next message gets the safety
/// question, and a caseworker's reply is refused until they say it is safe. Judged by what reaches the Twilio stand-in.
/// </summary>
public sealed class QuietStateLostTests
{
    private const string Number = "+9779800000761";
    private const string SafetyQuestion = "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person.";

    /// <summary>
    /// Found by a review: with no usable state the engine started afresh (with a case open, the caseworker's conversation),
    /// so the person's "hello" woke the conversation and her "Where are you now?" reached a phone whose owner had used the
    /// discreet word.
    /// </summary>
    [Theory]
    [InlineData("UPDATE Conversations SET EngineStateCipher = NULL")]
    [InlineData("UPDATE Conversations SET EngineStateCipher = SUBSTR(EngineStateCipher, 1, LENGTH(EngineStateCipher) - 8) || 'AAAAAAAA'")]
    public async Task A_quiet_conversation_whose_engine_state_is_erased_or_unreadable_stays_quiet(string loseTheState)
    {
        await using var line = await WhatsAppLine.StartAsync(DatabaseProvider.Sqlite, Number);
        await line.Harness.TextAsync(Number, "recipe");
        await line.Harness.DispatchAllAsync();
        var sentBefore = line.Harness.Twilio.Created.Count;

        await line.Harness.App.ExecuteAsync(loseTheState);
        await line.Harness.TextAsync(Number, "hello");
        var next = await line.ReplyAsync("Where are you now?");
        await line.Harness.DispatchAllAsync();

        Assert.Equal("The person used the discreet word. They wrote again and are asked whether it is safe to write now. Nothing can be sent until they say it is safe to write.",
            next.Refusal);
        Assert.Equal([SafetyQuestion], line.Harness.Twilio.Created.Skip(sentBefore).Select(m => m.Body));
        Assert.Equal("Quiet", await line.Harness.ScalarAsync("SELECT Status FROM Conversations"));
    }
}
