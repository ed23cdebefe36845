using Hotline.Api.BotConnector;
using Hotline.Api.Tests.BotConnector.Fakes;

namespace Hotline.Api.Tests.BotConnector;

/// <summary>The bot's token from the login service: one request for all who wait, and every odd answer a token failure.</summary>
public sealed class BotTokenClientTests
{
    [Fact]
    public async Task Replies_waiting_while_the_login_service_hangs_hear_of_its_failure_from_one_request()
    {
        await using var login = await FakeLoginServer.StartAsync("tenant-1", "app-1", "secret-1");
        login.HangNextTokenRequests(5, TimeSpan.FromSeconds(60));
        using var http = Http(requestTimeoutSeconds: 3);
        var tokens = Client(login, http);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => OutcomeAsync(tokens)));

        Assert.Equal(1, login.TokenRequests);
        Assert.All(outcomes, outcome => Assert.Equal("TaskCanceledException", outcome));
    }

    [Fact]
    public async Task A_failure_is_not_kept_the_next_reply_asks_again()
    {
        await using var login = await FakeLoginServer.StartAsync("tenant-1", "app-1", "secret-1");
        login.FailNextTokenRequests(1, 503);
        using var http = Http(requestTimeoutSeconds: 5);
        var tokens = Client(login, http);

        var first = await OutcomeAsync(tokens);
        var next = await OutcomeAsync(tokens);
        var cached = await OutcomeAsync(tokens);

        Assert.Equal(("BotTokenException", "token", "token", 2), (first, next, cached, login.TokenRequests));
    }

    [Theory]
    [InlineData(200, """{"token_type": "Bearer", "expires_in": 3600, "access_token": 12345}""")]
    [InlineData(200, """{"token_type": "Bearer", "expires_in": 3600, "access_token": null}""")]
    [InlineData(200, """["access_token"]""")]
    [InlineData(400, """{"error": {"code": "invalid_client"}}""")]
    [InlineData(401, """{"error": 7}""")]
    [InlineData(502, "<html><body>Bad Gateway</body></html>")]
    public async Task An_answer_of_an_unexpected_shape_is_a_token_failure(int status, string body)
    {
        await using var login = await FakeLoginServer.StartAsync("tenant-1", "app-1", "secret-1");
        login.AnswerNextTokenRequest(status, body);
        using var http = Http(requestTimeoutSeconds: 5);

        Assert.Equal("BotTokenException", await OutcomeAsync(Client(login, http)));
    }

    [Fact]
    public async Task A_token_labelled_with_an_unknown_charset_is_read_as_the_UTF_8_that_JSON_is()
    {
        await using var login = await FakeLoginServer.StartAsync("tenant-1", "app-1", "secret-1");
        login.AnswerNextTokenRequest(200, """{"token_type": "Bearer", "expires_in": 3600, "access_token": "eyJ0eXAi.e30.c2ln"}""", "application/json; charset=klingon");
        using var http = Http(requestTimeoutSeconds: 5);

        Assert.Equal("eyJ0eXAi.e30.c2ln", await Client(login, http).GetAsync(TestContext.Current.CancellationToken));
    }

    private static BotHttp Http(int requestTimeoutSeconds) => new(Options.Create(new BotOptions { RequestTimeoutSeconds = requestTimeoutSeconds }));

    private static BotTokenClient Client(FakeLoginServer login, BotHttp http) => new(http,
        Options.Create(new BotOptions { AppId = login.AppId, AppPassword = login.AppPassword, TenantId = login.TenantId, TokenEndpoint = login.TokenEndpoint }),
        TimeProvider.System);

    /// <summary>"token", or the name of what was thrown.</summary>
    private static async Task<string> OutcomeAsync(BotTokenClient tokens)
    {
        try
        {
            await tokens.GetAsync(CancellationToken.None);
            return "token";
        }
        catch (Exception ex) when (ex is BotTokenException or HttpRequestException or TaskCanceledException)
        {
            return ex.GetType().Name;
        }
    }
}
