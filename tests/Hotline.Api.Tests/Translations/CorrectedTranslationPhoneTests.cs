namespace Hotline.Api.Tests.Translations;

/// <summary>What reaches the phone after a correction: the new words for an intake that starts after it, the old ones for an intake already under way.</summary>
public sealed class CorrectedTranslationPhoneTests
{
    private const string Shipped = "Je, uko hatarini sasa hivi? 1 Ndiyo 2 Hapana";
    private const string Corrected = "Je, uko hatarini sasa? 1 Ndiyo 2 Hapana";

    [Fact]
    public async Task A_correction_reaches_a_new_conversation_while_one_under_way_keeps_the_words_it_started_with()
    {
        await using var harness = await TwilioHarness.StartAsync();
        const string underWay = "+254700000101";
        const string newcomer = "+254700000102";
        await harness.TextAsync(underWay, "habari");
        var reviewer = await SignedInClient.SignInAsync(harness.App, await SignedInClient.AddUserAsync(harness.App, "baraka", UserRole.Reviewer, "sw"));

        (await reviewer.Http.PutAsJsonAsync("/api/translations/sw/intake/danger", new TranslationEndpoints.TranslationEdit(Corrected), Ct)).EnsureSuccessStatusCode();
        await harness.TextAsync(underWay, "1");
        await harness.TextAsync(newcomer, "habari", "1");
        await harness.DispatchAllAsync();

        Assert.Equal(Shipped, LastTextTo(harness, underWay));
        Assert.Equal(Corrected, LastTextTo(harness, newcomer));
    }

    [Fact]
    public async Task A_correction_made_on_another_instance_is_used_without_a_restart()
    {
        await using var harness = await TwilioHarness.StartAsync();
        const string newcomer = "+254700000103";
        await harness.TextAsync("+254700000104", "habari", "1");
        await SignedInClient.AddUserAsync(harness.App, "baraka", UserRole.Reviewer, "sw");

        // As another instance on the same database would: a row written, no call to this instance.
        await harness.App.ExecuteAsync("INSERT INTO TranslationRevisions (Language, Kind, TextId, Text, ChangedBy, ChangedAt) "
            + $"SELECT 'sw', 'Intake', 'danger', '{Corrected}', Id, '2026-01-01T00:00:00.000Z' FROM Users WHERE UserName = 'baraka'");
        await harness.TextAsync(newcomer, "habari", "1");
        await harness.DispatchAllAsync();

        Assert.Equal(Corrected, LastTextTo(harness, newcomer));
    }

    private static string? LastTextTo(TwilioHarness harness, string number) => harness.Twilio.Created.Last(m => m.To == number).Body;
}
