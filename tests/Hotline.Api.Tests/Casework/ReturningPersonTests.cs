namespace Hotline.Api.Tests.Casework;

/// <summary>
/// A person whose case was closed, after a caseworker had talked with them, writes again: what they write may be about that
/// case, and a caseworker sees it at once.
/// </summary>
public sealed class ReturningPersonTests
{
    private const string Worker = "+9779800000733";

    /// <param name="texts">What the person wrote before: asking for a person ends the intake; "in danger" hands off while it goes on asking.</param>
    [Theory]
    [InlineData("hello", "0")]
    [InlineData("hello", "1", "1", "yes")]
    public async Task The_first_message_after_a_closed_case_queues_a_new_case_at_once_while_the_intake_asks_again(params string[] texts)
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, texts);
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        await using var hub = caseworker.Hub();
        await hub.StartAsync(Ct);
        var taken = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.TakeNextCase), Ct)).Value!;
        var replied = await hub.InvokeAsync<ActionAnswer<MessageView>>(nameof(CaseHub.SendReply), taken.Case.Id, taken.LeaseToken,
            "A shelter will call you today.", Guid.NewGuid(), Ct);
        Assert.True(replied.Ok, replied.Refusal);
        var closed = await hub.InvokeAsync<ActionAnswer<bool>>(nameof(CaseHub.CloseCase), taken.Case.Id, taken.LeaseToken, "resolved", null, Ct);
        Assert.True(closed.Ok, closed.Refusal);

        await harness.TextAsync(Worker, "when will the shelter call me?");

        var returning = Assert.Single((await caseworker.Http.GetFromJsonAsync<QueueView>("/api/queue", Ct))!.Cases);
        Assert.Equal((1, "Queued"), (returning.EarlierCases, returning.Status));
        var detail = (await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), returning.Id, Ct)).Value!;
        // The closed case's messages are read in the case history, where that read is recorded under its own id.
        Assert.Equal(["when will the shelter call me?", "Is it safe for you to write now? Reply 1 for yes, 2 for no. Reply 0 at any time to talk to a person."],
            detail.Transcript.Select(m => m.Body));
    }
}
