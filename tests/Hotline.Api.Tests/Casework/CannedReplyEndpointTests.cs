namespace Hotline.Api.Tests.Casework;

public sealed class CannedReplyEndpointTests
{
    [Fact]
    public async Task Canned_replies_come_in_the_workers_language()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var replies = await worker.Http.GetFromJsonAsync<JsonElement[]>("/api/canned-replies?language=ne", Ct);

        Assert.NotEmpty(replies!);
        Assert.All(replies!, r => Assert.Equal("ne", r.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task A_malformed_language_tag_is_refused_with_400()
    {
        await using var app = new HotlineApp();
        var worker = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        Assert.Equal(HttpStatusCode.BadRequest, (await worker.Http.GetAsync("/api/canned-replies?language=%3Cscript%3E", Ct)).StatusCode);
    }
}
