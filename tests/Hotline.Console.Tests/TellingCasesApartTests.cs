namespace Hotline.Console.Tests;

/// <summary>
/// A caseworker holding several cases of one band, language and channel tells them apart by a short reference, the same on
/// the card, in the open case's header and at the end of the case id the audit trail shows, and by when the person last
/// wrote; never by the phone number. Found by a newcomer: three cards read "LOW · English (en) · SMS · Yours" and nothing
/// else, and a reply meant for one person went to another.
/// </summary>
public sealed class TellingCasesApartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Each_held_case_shows_its_reference_and_when_the_person_last_wrote_and_never_the_phone_number()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var phones = new[] { host.NextPhone(), host.NextPhone(), host.NextPhone() };
        foreach (var phone in phones)
        {
            await host.AskForPersonBySmsAsync(phone, "hello, I need help with my employer");
        }

        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.Page.SetViewportSizeAsync(1366, 768);
        for (var held = 1; held <= 3; held++)
        {
            await console.TakeNextCaseAsync();
            await Expect(console.Mine).ToHaveCountAsync(held);
        }

        // A reload takes up the claims without opening the cases: the cards still say when each person last wrote.
        await console.Page.ReloadAsync();
        await console.WaitUntilLiveAsync();

        var onScreen = await console.Page.EvaluateAsync<string>("sessionStorage.getItem('hotline.openCase')");
        await Expect(console.Page.Locator("#case-title")).ToContainTextAsync($"Case {Reference(onScreen)} · ");
        foreach (var caseId in await CasesInOrderAsync(host))
        {
            var card = console.Item("my-cases", caseId);
            await Expect(card.Locator(".case-reference")).ToHaveTextAsync($"Case {Reference(caseId)}");
            await Expect(card.Locator(".person-wrote")).ToContainTextAsync("last message from the person ");
            await Expect(card.Locator(".person-wrote time")).ToHaveAttributeAsync("datetime", await LastFromPersonAsync(host, caseId));
        }

        await Screenshots.TakeAsync(console.Page, "held-cases-apart");
        var page = await console.Page.InnerTextAsync("body") + await console.Page.ContentAsync();
        Assert.All(phones, phone => Assert.DoesNotContain(phone.TrimStart('+')[^8..], page));
        Assert.Empty(console.ScriptErrors);
    }

    [Fact]
    public async Task A_new_message_in_a_held_case_put_aside_moves_the_time_the_person_last_wrote()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("amira", UserRole.Caseworker, "en");
        var aside = host.NextPhone();
        await host.AskForPersonBySmsAsync(aside, "hello, I need help with my employer");
        await host.AskForPersonBySmsAsync(host.NextPhone(), "hello, my wages are late");
        await using var console = await ConsolePage.SignInAsync(browser.Browser, host, "amira");
        await console.TakeNextCaseAsync();
        await console.TakeNextCaseAsync();
        await Expect(console.Mine).ToHaveCountAsync(2);
        var asideId = (await CasesInOrderAsync(host))[0];
        var card = console.Item("my-cases", asideId);
        var before = await card.Locator(".person-wrote time").GetAttributeAsync("datetime");
        await Task.Delay(1_100, TestContext.Current.CancellationToken);

        await host.PostSmsAsync(aside, "are you still there?");

        await Expect(card).ToContainTextAsync("New message");
        var after = await LastFromPersonAsync(host, asideId);
        Assert.NotEqual(before, after);
        await Expect(card.Locator(".person-wrote time")).ToHaveAttributeAsync("datetime", after);
        Assert.Empty(console.ScriptErrors);
    }

    /// <summary>The reference a caseworker reads: the last eight characters of the case id, in capitals.</summary>
    private static string Reference(string caseId) => caseId[^8..].ToUpperInvariant();

    /// <summary>The cases' ids in the order they were queued: the order the people asked for a person.</summary>
    private static async Task<IReadOnlyList<string>> CasesInOrderAsync(ConsoleHost host)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Cases ORDER BY QueuedAt";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetString(0).ToLowerInvariant());
        }

        return ids;
    }

    /// <summary>When the person last wrote, as the console writes a time's datetime (ISO 8601 in UTC, to the millisecond).</summary>
    private static async Task<string> LastFromPersonAsync(ConsoleHost host, string caseId)
    {
        var at = DateTimeOffset.Parse(await OneAsync(host,
            "SELECT MAX(m.CreatedAt) FROM Messages AS m JOIN Cases AS c ON c.ConversationId = m.ConversationId "
            + $"WHERE lower(c.Id) = '{caseId}' AND m.Direction = 'Inbound'"), System.Globalization.CultureInfo.InvariantCulture);
        return at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> OneAsync(ConsoleHost host, string sql) => await host.App.ScalarAsync(sql)
        ?? throw new InvalidOperationException($"Nothing for: {sql}");
}
