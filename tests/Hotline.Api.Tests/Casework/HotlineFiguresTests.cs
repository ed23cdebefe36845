using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Channel = System.Threading.Channels.Channel;

namespace Hotline.Api.Tests.Casework;

/// <summary>
/// The whole hotline's figures (the console header's "Whole hotline" line, the supervisor view) say how many people wait for
/// a reply now: a console has them from the moment it connects, hears every change within about a second, and nobody who
/// cannot be written to counts as waiting.
/// </summary>
public sealed class HotlineFiguresTests
{
    private const string Waiting = "+639171234501";
    private const string Discreet = "+639171234502";
    private const string Stopped = "+639171234503";

    /// <summary>
    /// Found by a newcomer: the header said "1 waiting" for good when a second case came within a second of the first, since the
    /// figures were sent only with new events, at most once a second, and nothing sent the ones held back.
    /// </summary>
    [Fact]
    public async Task The_figures_of_a_change_within_a_second_of_the_last_ones_reach_a_console_though_nothing_happens_after_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sofia", UserRole.Supervisor, "en"));
        await using var hub = supervisor.Hub();
        var figures = HubHeard.Figures(hub);
        var changes = HubHeard.Changes(hub);
        await hub.StartAsync(Ct);
        await CaseSeeding.QueueCaseAsync(app, "ar", PriorityBand.Critical);
        await HubHeard.NextAsync(figures, f => f.Queued == 1);
        var second = await CaseSeeding.QueueCaseAsync(app, "ne", PriorityBand.High);
        await HubHeard.NextAsync(changes, c => c.Case.Id == second.Id);
        // The hotline's clock has not moved since the figures of the first case went out: the pass that pushed the second
        // holds its figures back. A poll of the stream (250 ms) later, that pass is over.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);

        clock.Advance(TimeSpan.FromSeconds(1));

        var latest = await HubHeard.NextAsync(figures, f => f.Queued == 2);
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["High"] = 1 }, latest.QueuedByPriority);
    }

    /// <summary>
    /// Review finding: the only console closed, a case was queued, and the console came back within the second: it was given
    /// the figures read as it first connected, one fewer waiting, and nothing corrected them until the next change, since the
    /// stream passed over the new case with nobody connected and owed no figures.
    /// </summary>
    [Fact]
    public async Task A_console_back_within_a_second_of_a_change_made_while_none_was_connected_hears_that_changes_figures()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new HotlineApp(services: s => s.AddSingleton<TimeProvider>(clock));
        var supervisor = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "sofia", UserRole.Supervisor, "en"));
        await using (var first = supervisor.Hub())
        {
            var heard = HubHeard.Figures(first);
            await first.StartAsync(Ct);
            Assert.Equal(0, (await HubHeard.NextAsync(heard)).Queued);
        }

        var listeners = app.Services.GetRequiredService<CaseListeners>();
        await Poll.UntilAsync(() => !listeners.AnyoneConnected, "the console to be gone", TimeSpan.FromSeconds(20));
        await CaseSeeding.QueueCaseAsync(app, "ar", PriorityBand.Critical);
        // The commit wakes the stream, which passes over the new case with nobody to tell: a poll of it (250 ms) later, that
        // pass is over. The hotline's clock has not moved: the console comes back within the second of its first figures.
        await Task.Delay(TimeSpan.FromMilliseconds(300), Ct);

        await using var again = supervisor.Hub();
        var figures = HubHeard.Figures(again);
        await again.StartAsync(Ct);

        var latest = await HubHeard.NextAsync(figures, f => f.Queued == 1);
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1 }, latest.QueuedByPriority);
    }

    /// <summary>Found by a newcomer: a console just loaded showed no "Whole hotline" line until some case changed.</summary>
    [Fact]
    public async Task A_console_hears_the_whole_hotlines_figures_as_it_connects_with_nothing_changing()
    {
        await using var app = new HotlineApp();
        await CaseSeeding.QueueCaseAsync(app, "ar", PriorityBand.Critical);
        await CaseSeeding.QueueCaseAsync(app, "en", PriorityBand.High);
        await CaseSeeding.QueueCaseAsync(app, "ne", PriorityBand.High, ConversationStatus.OptedOut);
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "en"));
        await using var hub = worker.Hub();
        var figures = HubHeard.Figures(hub);

        await hub.StartAsync(Ct);

        var heard = await HubHeard.NextAsync(figures);
        Assert.Equal((2, 0, 0, 1), (heard.Queued, heard.Claimed, heard.Quiet, heard.OptedOut));
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1, ["High"] = 1 }, heard.QueuedByPriority);
    }

    /// <summary>
    /// Found by a review: a person who used the discreet word or sent STOP counted in "Waiting for a reply" and in the oldest
    /// wait (the Critical alert) until the case was closed, though nothing can be sent to them until they write again.
    /// </summary>
    [Fact]
    public async Task A_person_who_went_quiet_or_opted_out_is_counted_apart_from_the_people_waiting_for_a_reply()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Discreet, "hello", "0");
        await harness.TextAsync(Discreet, "recipe");
        await harness.TextAsync(Stopped, "hello", "0");
        await harness.TextAsync(Stopped, "STOP");
        await harness.TextAsync(Waiting, "hello", "0");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));

        var overview = (await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct))!;

        Assert.Equal(["Active", "OptedOut", "Quiet"], overview.Queue.Cases.Select(c => c.ConversationStatus).Order());
        var waiting = Assert.Single(overview.Queue.Cases, c => c.ConversationStatus == "Active");
        var statistics = overview.Statistics;
        Assert.Equal((1, 0, 1, 1), (statistics.Queued, statistics.Answered, statistics.Quiet, statistics.OptedOut));
        Assert.Equal(new Dictionary<string, int> { [waiting.Priority] = 1 }, statistics.QueuedByPriority);
        Assert.InRange(statistics.OldestWaitingSeconds, 0, (DateTimeOffset.UtcNow - waiting.QueuedAt).TotalSeconds + 1);
    }

    /// <summary>
    /// Found last session: after the discreet word, "the boss beats me" raises the case to Critical out of sight, but no
    /// Critical figure counted it. It is still quiet (nothing can be sent), and counted by band as nobody can write to them.
    /// </summary>
    [Fact]
    public async Task A_person_who_went_quiet_and_then_wrote_an_urgent_word_is_counted_as_Critical_nobody_can_write_to()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync(Discreet, "hello", "0");
        await harness.TextAsync(Discreet, "recipe");
        await harness.TextAsync(Discreet, "the boss beats me");
        var supervisor = await SignedInClient.SignInAsync(harness.App,
            await SignedInClient.AddUserAsync(harness.App, "sofia", UserRole.Supervisor, "en"));

        var overview = (await supervisor.Http.GetFromJsonAsync<CaseworkEndpoints.SupervisorOverview>("/api/supervisor/overview", Ct))!;

        var quiet = Assert.Single(overview.Queue.Cases);
        Assert.Equal(("Critical", "Quiet"), (quiet.Priority, quiet.ConversationStatus));
        var statistics = overview.Statistics;
        Assert.Equal((0, 1, 0), (statistics.Queued, statistics.Quiet, statistics.OptedOut));
        Assert.Empty(statistics.QueuedByPriority);
        Assert.Equal(new Dictionary<string, int> { ["Critical"] = 1 }, statistics.CannotBeWrittenToByPriority);
    }
}
