using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using SystemNetHttpClient = Twilio.Http.SystemNetHttpClient;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>The official Twilio SDK works against the fake as it does against api.twilio.com.</summary>
public sealed class FakeTwilioServerTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "fedcba9876543210fedcba9876543210";
    private const string Hotline = "+15005550006";
    private const string Worker = "+447700900123";

    private static TwilioRestClient ClientFor(FakeTwilioServer server, string authToken = AuthToken) =>
        new(AccountSid, authToken, httpClient: new SystemNetHttpClient(new HttpClient(new RewriteToFakeHandler(server.BaseUrl))));

    private static Task<MessageResource> SendAsync(TwilioRestClient client, string to, string body) =>
        MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(Hotline), Body = body }, client);

    [Fact]
    public async Task Create_answers_a_queued_outbound_message_with_an_SM_sid()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);

        var message = await SendAsync(ClientFor(server), Worker, "Hello");

        Assert.Matches("^SM[0-9a-f]{32}$", message.Sid);
        Assert.Equal(MessageResource.StatusEnum.Queued, message.Status);
        Assert.Equal(MessageResource.DirectionEnum.OutboundApi, message.Direction);
        Assert.Equal((Worker, Hotline, "Hello", "1"), (message.To, message.From.ToString(), message.Body, message.NumSegments));
        Assert.NotNull(message.DateCreated);
    }

    [Fact]
    public async Task Create_records_what_the_client_sent()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var options = new CreateMessageOptions(new PhoneNumber(Worker))
        {
            MessagingServiceSid = "MG0123456789abcdef0123456789abcdef",
            Body = "Hello",
            StatusCallback = new Uri("https://hotline.example/twilio/status"),
        };

        var message = await MessageResource.CreateAsync(options, ClientFor(server));

        var created = Assert.Single(server.Created);
        Assert.Equal(
            (message.Sid, Worker, (string?)null, "Hello", "MG0123456789abcdef0123456789abcdef", "https://hotline.example/twilio/status"),
            (created.Sid, created.To, created.From, created.Body, created.MessagingServiceSid, created.StatusCallback));
        Assert.Equal(MessageResource.StatusEnum.Accepted, message.Status);
    }

    [Fact]
    public async Task Read_with_a_To_filter_lists_only_that_numbers_messages_newest_first()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var client = ClientFor(server);
        var first = await SendAsync(client, Worker, "first");
        await SendAsync(client, "+447700900999", "someone else");
        var second = await SendAsync(client, Worker, "second");

        var messages = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(Worker) }, client);

        Assert.Equal([second.Sid, first.Sid], messages.Select(m => m.Sid));
    }

    [Fact]
    public async Task Read_includes_inbound_messages_added_by_the_test()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);

        var sid = server.AddInbound(Worker, Hotline, "help");

        var message = Assert.Single(await MessageResource.ReadAsync(new ReadMessageOptions { From = new PhoneNumber(Worker) }, ClientFor(server)));
        Assert.Equal((sid, MessageResource.DirectionEnum.Inbound, MessageResource.StatusEnum.Received, "help"),
            (message.Sid, message.Direction, message.Status, message.Body));
    }

    [Fact]
    public async Task Read_follows_the_next_page_uri_to_the_last_page()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var client = ClientFor(server);
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(client, Worker, $"message {i}");
        }

        var messages = await MessageResource.ReadAsync(new ReadMessageOptions { PageSize = 2 }, client);

        Assert.Equal(["message 4", "message 3", "message 2", "message 1", "message 0"], messages.Select(m => m.Body));
    }

    [Fact]
    public async Task Read_with_DateSent_bounds_keeps_messages_sent_in_between()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var client = ClientFor(server);
        var sent = await SendAsync(client, Worker, "today");
        var today = DateTime.UtcNow.Date;

        var inside = await MessageResource.ReadAsync(
            new ReadMessageOptions { DateSentAfter = today.AddDays(-1), DateSentBefore = today.AddDays(1) }, client);
        var outside = await MessageResource.ReadAsync(new ReadMessageOptions { DateSentAfter = today.AddDays(1) }, client);

        Assert.Equal([sent.Sid], inside.Select(m => m.Sid));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task Fetch_answers_the_message_with_that_sid()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var client = ClientFor(server);
        var sent = await SendAsync(client, Worker, "Hello");

        var fetched = await MessageResource.FetchAsync(new FetchMessageOptions(sent.Sid), client);

        Assert.Equal((sent.Sid, "Hello", Worker), (fetched.Sid, fetched.Body, fetched.To));
    }

    [Fact]
    public async Task Fetch_of_an_unknown_sid_is_an_ApiException_20404()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            MessageResource.FetchAsync(new FetchMessageOptions("SM00000000000000000000000000000000"), ClientFor(server)));

        Assert.Equal((20404, 404), (error.Code, error.Status));
    }

    [Fact]
    public async Task A_wrong_auth_token_is_an_ApiException_20003_with_status_401()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);

        var error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(ClientFor(server, "wrong"), Worker, "Hello"));

        Assert.Equal((20003, 401), (error.Code, error.Status));
        Assert.Empty(server.Created);
    }

    [Fact]
    public async Task A_body_over_1600_characters_is_an_ApiException_21617()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);

        var error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(ClientFor(server), Worker, new string('a', 1601)));

        Assert.Equal((21617, 400), (error.Code, error.Status));
    }

    [Fact]
    public async Task FailNext_429_is_an_ApiException_with_status_429_and_creates_nothing()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        server.FailNext(1, 429);

        var error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(ClientFor(server), Worker, "Hello"));

        Assert.Equal((20429, 429), (error.Code, error.Status));
        Assert.Empty(server.Created);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task FailNextAfterCreating_stores_the_message_although_the_client_sees_a_failure()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        server.FailNextAfterCreating(1, 500);

        var error = await Assert.ThrowsAsync<ApiException>(() => SendAsync(ClientFor(server), Worker, "Hello"));

        Assert.Equal(500, error.Status);
        Assert.Equal("Hello", Assert.Single(server.Created).Body);
    }

    [Fact]
    public async Task HangNext_delays_the_answer_past_the_clients_timeout_but_stores_the_message()
    {
        await using var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        server.HangNext(1, TimeSpan.FromSeconds(30));
        using var http = new HttpClient(new RewriteToFakeHandler(server.BaseUrl)) { Timeout = TimeSpan.FromMilliseconds(500) };
        var client = new TwilioRestClient(AccountSid, AuthToken, httpClient: new SystemNetHttpClient(http));

        await Assert.ThrowsAnyAsync<Exception>(() => SendAsync(client, Worker, "Hello"));

        Assert.Single(server.Created);
    }

    [Fact]
    public async Task The_server_stops_listening_when_disposed()
    {
        var server = await FakeTwilioServer.StartAsync(AccountSid, AuthToken);
        var url = new Uri(server.BaseUrl, $"2010-04-01/Accounts/{AccountSid}/Messages.json");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(url, TestContext.Current.CancellationToken));
    }
}
