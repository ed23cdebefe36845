namespace Hotline.Api.Tests.Twilio;

public sealed class OptOutTests
{
    private const string Worker = "+9779800000404";

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Unsubscribe ")]
    [InlineData("END")]
    [InlineData("quit")]
    [InlineData("STOPALL")]
    [InlineData("revoke")]
    [InlineData("OPTOUT")]
    [InlineData("Cancel")]
    public async Task An_opt_out_word_as_the_whole_message_opts_the_conversation_out_and_says_why(string word)
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, word);

        Assert.Equal("OptedOut", await harness.ScalarAsync("SELECT Status FROM Conversations"));
        Assert.Contains(word.Trim().ToUpperInvariant(), await harness.ScalarAsync("SELECT StatusReason FROM Conversations"));
    }

    /// <summary>Review finding: STOP after the discreet word was recorded as "The person wrote again." before the opt-out.</summary>
    [Fact]
    public async Task Stop_after_the_discreet_word_is_recorded_as_an_opt_out_and_not_as_writing_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello", "1", "2", "1", "recipe");

        await harness.TextAsync(Worker, "STOP");

        Assert.Equal(
            ["{\"Status\":\"Quiet\",\"Reason\":\"The person used the discreet word.\"}", "{\"Status\":\"OptedOut\",\"Reason\":\"The person sent STOP.\"}"],
            await StatusChangesAsync(harness));
    }

    private static async Task<List<string>> StatusChangesAsync(TwilioHarness harness)
    {
        await using var connection = await harness.App.OpenOwnConnectionAsync();
        return [.. await connection.QueryAsync<string>("SELECT Data FROM CaseEvents WHERE Type = 'ConversationStatusChanged' ORDER BY Sequence")];
    }

    [Fact]
    public async Task An_opt_out_word_inside_a_sentence_is_a_report_not_an_opt_out()
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, "please stop them");

        Assert.Equal("Active", await harness.ScalarAsync("SELECT Status FROM Conversations"));
    }

    [Fact]
    public async Task A_reply_queued_before_stop_is_cancelled_and_never_sent()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "hello");
        await harness.TextAsync(Worker, "STOP");

        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal("cancelled", await harness.ScalarAsync("SELECT DeliveryStatus FROM Messages WHERE Direction = 'Outbound'"));
    }

    [Fact]
    public async Task An_opted_out_conversation_gets_no_reply_to_later_messages()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "STOP");
        await harness.TextAsync(Worker, "are you there");

        await harness.DispatchAllAsync();

        Assert.Empty(harness.Twilio.Created);
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
    }

    [Theory]
    [InlineData("START")]
    [InlineData("unstop")]
    [InlineData("Yes")]
    public async Task A_start_word_resubscribes_with_a_neutral_reply(string word)
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "STOP");
        await harness.TextAsync(Worker, word);

        await harness.DispatchAllAsync();

        Assert.Equal("Active", await harness.ScalarAsync("SELECT Status FROM Conversations"));
        Assert.Single(harness.Twilio.Created);
    }

    [Fact]
    public async Task Help_gets_a_short_reply_that_does_not_name_the_organisation()
    {
        await using var harness = await TwilioHarness.StartAsync();

        await harness.TextAsync(Worker, "hello");
        await harness.DispatchAllAsync();
        await harness.TextAsync(Worker, "HELP");
        var before = harness.Twilio.Created.Count;
        await harness.DispatchAllAsync();
        Assert.Equal(before + 1, harness.Twilio.Created.Count);

        var reply = harness.Twilio.Created[^1].Body!;
        Assert.InRange(reply.Length, 1, 160);
        Assert.DoesNotContain("hotline", reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trafficking", reply, StringComparison.OrdinalIgnoreCase);
    }
}
