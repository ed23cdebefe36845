namespace Hotline.Api.Tests.IntakeHost;

/// <summary>A case's history hears of the conversation's status when it changes, not at every turn that leaves it as it was.</summary>
public sealed class QuietStatusEventsTests
{
    private const string Person = "+9779800000517";

    /// <summary>
    /// Asked whether it is safe, the person's unclear answer is asked again in simpler words: the status stays "asked whether it
    /// is safe to write now". Before, the case's history read that status a second time, as if something had happened.
    /// </summary>
    [Fact]
    public async Task An_answer_asked_again_in_simpler_words_adds_no_status_change_to_the_case()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Person, "hello", "recipe", "he is watching, I need help, he took my passport");

        await harness.TextAsync(Person, "what do you mean");

        Assert.Equal(
            ["{\"Status\":\"Quiet\",\"Reason\":\"The person used the discreet word. They wrote again and are asked whether it is safe to write now.\"}"],
            await StatusChangesAsync(harness));
    }

    private static async Task<List<string>> StatusChangesAsync(TwilioHarness harness)
    {
        await using var connection = await harness.App.OpenOwnConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT Data FROM CaseEvents WHERE Type = 'ConversationStatusChanged' ORDER BY Sequence")];
    }
}
