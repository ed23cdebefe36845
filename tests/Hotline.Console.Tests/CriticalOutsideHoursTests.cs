using System.Globalization;
using Hotline.Api.ConversationStore;

namespace Hotline.Console.Tests;

/// <summary>A Critical case whose language team is closed reaches every signed-in supervisor at once, as a banner at the top of their view.</summary>
public sealed class CriticalOutsideHoursTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The Swahili team works every day, but yesterday, today and tomorrow are holidays: it is closed whenever the test runs.</summary>
    private static Dictionary<string, string?> SwahiliTeamOnHoliday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var settings = new Dictionary<string, string?> { ["Hotline:Hours:Teams:sw:TimeZone"] = "UTC" };
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            settings[$"Hotline:Hours:Teams:sw:Weekly:{day}"] = "00:00-24:00";
        }

        for (var offset = -1; offset <= 1; offset++)
        {
            settings[$"Hotline:Hours:Teams:sw:Holidays:{offset + 1}"] = today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return settings;
    }

    [Fact]
    public async Task A_critical_case_queued_while_its_team_is_closed_shows_a_banner_to_the_supervisor_at_once()
    {
        await using var host = await ConsoleHost.StartAsync(SwahiliTeamOnHoliday());
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        await host.SeedCaseAsync("en", PriorityBand.Critical, "physical_and_sexual_violence");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await console.Page.SetViewportSizeAsync(1366, 768);
        await console.Page.GotoAsync("/console/supervisor.html");
        await console.WaitUntilLiveAsync();
        await Expect(console.Page.Locator("#critical-outside-hours")).ToBeHiddenAsync();

        var swahili = await host.SeedCaseAsync("sw", PriorityBand.Critical, "restriction_of_movement");

        var banner = console.Page.Locator("#critical-outside-hours");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Critical, outside its team's hours: Swahili");
        await Expect(banner.Locator($"a[data-case-id='{swahili}']")).ToHaveAttributeAsync("href", $"/console/#case={swahili}");
        await Expect(banner.Locator("a")).ToHaveCountAsync(1);
        Assert.True(await banner.IsVisibleAsync() && (await banner.BoundingBoxAsync())!.Y < 768, "The banner is on the first screen.");
        await Screenshots.TakeAsync(console.Page, "supervisor-critical-outside-hours");
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>A Critical person who went quiet is still in the banner (what they wrote must be read), named as one nobody can write to.</summary>
    [Fact]
    public async Task The_banner_names_a_critical_case_whose_person_nobody_can_write_to()
    {
        await using var host = await ConsoleHost.StartAsync(SwahiliTeamOnHoliday());
        await host.AddUserAsync("sofia", UserRole.Supervisor, "en");
        var quiet = await host.App.QueueCaseAsync(host.App.NextPhone(), "sw", PriorityBand.Critical, "urgent_word");
        await using (var session = await host.App.Database.BeginWriteAsync(TestContext.Current.CancellationToken))
        {
            var conversations = host.Services.GetRequiredService<ConversationRepository>();
            var conversation = (await conversations.FindByIdAsync(session, quiet.ConversationId, TestContext.Current.CancellationToken))!;
            await conversations.UpdateAsync(session, conversation with
            {
                Status = ConversationStatus.Quiet, StatusReason = "The person used the discreet word.",
            }, TestContext.Current.CancellationToken);
            await session.CommitAsync(TestContext.Current.CancellationToken);
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "sofia");
        await console.Page.SetViewportSizeAsync(1366, 768);

        await console.Page.GotoAsync("/console/supervisor.html");

        var banner = console.Page.Locator("#critical-outside-hours");
        await Expect(banner).ToHaveTextAsync(
            "Critical, outside its team's hours: Swahili (sw) · cannot be written to. Nobody on the team reads it before they open: take it or call someone in.");
        await Expect(banner.Locator($"a[data-case-id='{quiet.Id}']")).ToHaveTextAsync("Swahili (sw)");
        Assert.Empty(console.ScriptErrors);
    }
}
