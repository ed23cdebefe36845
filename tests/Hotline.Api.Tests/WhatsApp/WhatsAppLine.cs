using Hotline.Api.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Api.Tests.WhatsApp;

/// <summary>
/// A person on <paramref name="address"/> who wrote and asked for a person at the clock's start, their case taken by a
/// caseworker, and the intake's own replies sent; the clock is the host's. The caseworker acts through
/// <see cref="CaseActions"/>, as the hub does: SignalR's keep-alive runs on the host's clock, which these tests move by days.
/// </summary>
internal sealed class WhatsAppLine(TwilioHarness harness, FakeTimeProvider clock, string address, User caseworker, CaseLease taken)
    : IAsyncDisposable
{
    private int _intakeReplies;

    public TwilioHarness Harness { get; } = harness;

    public FakeTimeProvider Clock { get; } = clock;

    public static async Task<WhatsAppLine> StartAsync(DatabaseProvider engine, string address, IDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(HotlineApp.PartsClockStart);
        var harness = await TwilioHarness.StartAsync(engine, settings, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await harness.TextAsync(address, "hello", "0");
        await harness.DispatchAllAsync();
        var user = await SignedInClient.AddUserAsync(harness.App, "caseworker", UserRole.Caseworker,
            [.. Hotline.Bot.Intake.Scripts.IntakeScript.LoadDefault().Languages.Select(l => l.Tag)]);
        var taken = await harness.App.Services.GetRequiredService<CaseQueue>().ClaimNextAsync(user.Id, TimeSpan.FromDays(3), Ct);
        return new WhatsAppLine(harness, clock, address, user, taken!) { _intakeReplies = harness.Twilio.Created.Count };
    }

    /// <summary>Waits until a caseworker's text has reached the stand-in (while a dispatch runs beside).</summary>
    public Task UntilTwilioHoldsAReplyAsync() =>
        Poll.UntilAsync(() => CaseworkerTexts().Count > 0, "a caseworker's text to reach the stand-in for Twilio", TimeSpan.FromSeconds(30));

    /// <summary>Twilio's status callback for <paramref name="sid"/>: undelivered, WhatsApp's window closed (63016).</summary>
    public async Task RefusedForClosedWindowAsync(string sid)
    {
        var callback = TwilioHarness.StatusFields(address, sid, "undelivered");
        callback["ErrorCode"] = TwilioErrors.WhatsAppWindowClosed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await Harness.PostSignedAsync("/twilio/status", callback)).EnsureSuccessStatusCode();
    }

    public async Task<ActionAnswer<MessageView>> ReplyAsync(string text) =>
        (await Harness.App.Services.GetRequiredService<CaseActions>()
            .ReplyAsync(caseworker, taken.Case.Id, taken.LeaseToken, text, Guid.NewGuid(), Ct)).ToAnswer();

    /// <summary>What reached Twilio for the person after the intake's own replies, oldest first.</summary>
    public IReadOnlyList<CreatedMessage> CaseworkerTexts() =>
        [.. Harness.Twilio.Created.Skip(_intakeReplies).Where(m => m.To == address && (m.Body is null || !IsIntakeReply(m.Body)))];

    /// <summary>The intake answers the person's later messages too; those are not the caseworker's.</summary>
    private bool IsIntakeReply(string body) =>
        Harness.Twilio.Created.Take(_intakeReplies).Any(m => m.Body == body);

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
