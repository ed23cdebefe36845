using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;

namespace Hotline.Api.Tests.Casework;

/// <summary>A new message from the person reaches the consoles that have the case open, live, though nobody holds it.</summary>
public sealed class MessageNewsTests
{
    private const string Worker = "+9779800000808";

    [Fact]
    public async Task A_console_that_opened_a_waiting_case_hears_the_persons_new_message()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Worker, "talk to a person");
        var caseworker = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "amina", UserRole.Caseworker, "en"));
        await using var hub = caseworker.Hub();
        var heard = Channel.CreateUnbounded<MessageNotice>();
        hub.On<MessageNotice>(nameof(ICaseClient.MessageReceived), notice => heard.Writer.TryWrite(notice));
        await hub.StartAsync(Ct);
        var caseId = Guid.Parse((await harness.ScalarAsync("SELECT Id FROM Cases"))!);
        Assert.True((await hub.InvokeAsync<ActionAnswer<CaseDetail>>(nameof(CaseHub.OpenCase), caseId, Ct)).Ok);

        await harness.TextAsync(Worker, "are you there?");

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(TimeSpan.FromSeconds(10));
        var notice = await heard.Reader.ReadAsync(wait.Token);
        Assert.Equal((caseId, "are you there?"), (notice.CaseId, notice.Message.Body));
    }
}
