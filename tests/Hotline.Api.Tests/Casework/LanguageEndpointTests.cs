namespace Hotline.Api.Tests.Casework;

public sealed class LanguageEndpointTests
{
    [Fact]
    public async Task The_console_learns_every_intake_language_and_whether_a_native_speaker_reviewed_it()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar"));

        var languages = await worker.Http.GetFromJsonAsync<List<LanguageEndpoints.LanguageView>>("/api/languages", TestContext.Current.CancellationToken);

        Assert.Equal(["am", "ar", "bn", "en", "fil", "hi", "id", "ml", "ne", "si", "sw", "ta", "te", "ur"], languages!.Select(l => l.Tag).Order());
        Assert.Contains(languages!, l => l is { Tag: "ne", Reviewed: false });
    }
}
