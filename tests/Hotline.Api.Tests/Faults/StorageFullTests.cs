namespace Hotline.Api.Tests.Faults;

/// <summary>
/// A database that cannot be written (full, or read-only) refuses webhooks with 503 and leaves nothing half
/// written, readiness turns unready, and both come back by themselves once it can be written again. The writer's
/// connection is capped with SQLite's own settings: <c>max_page_count</c> at the file's size is a full disk,
/// <c>query_only</c> a read-only file (SQLite refuses even <c>BEGIN IMMEDIATE</c> there).
/// </summary>
public sealed class StorageFullTests
{
    [Fact]
    public async Task A_full_database_answers_webhooks_503_stores_nothing_of_them_and_turns_unready()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync("+9779800000601", "hello");
        await CapPagesAsync(harness, atCurrentSize: true);

        var (refused, stored) = await TextUntilRefusedAsync(harness);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(0, await harness.CountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{refused.Sid}'"));
        Assert.Equal(1 + stored, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
        Assert.Equal(1 + stored, await harness.CountAsync("SELECT COUNT(*) FROM Messages WHERE Direction = 'Inbound'"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await harness.Client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task When_the_database_has_room_again_readiness_returns_and_the_next_webhook_is_stored()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync("+9779800000611", "hello");
        await CapPagesAsync(harness, atCurrentSize: true);
        var (refused, _) = await TextUntilRefusedAsync(harness);

        await CapPagesAsync(harness, atCurrentSize: false);

        Assert.Equal(HttpStatusCode.OK, (await harness.Client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync("/twilio/sms", refused.Fields)).StatusCode);
        Assert.Equal(1, await harness.CountAsync($"SELECT COUNT(*) FROM Messages WHERE ChannelMessageId = '{refused.Sid}'"));
    }

    [Fact]
    public async Task A_read_only_database_answers_webhooks_503_and_recovers_when_writable_again()
    {
        await using var harness = await TwilioHarness.StartAsync();
        await harness.TextAsync("+9779800000621", "hello");
        var fields = TwilioHarness.InboundFields("+9779800000622", "hello");

        // A write the file refuses makes the writer open its connection again, which on a read-only file is read-only
        // again; query_only belongs to the connection, so it is set again before each request.
        await QueryOnlyAsync(harness, true);
        var refused = await harness.PostSignedAsync("/twilio/sms", fields);
        await QueryOnlyAsync(harness, true);
        var readyWhileReadOnly = (await harness.Client.GetAsync("/health/ready", Ct)).StatusCode;
        await QueryOnlyAsync(harness, false);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (refused.StatusCode, readyWhileReadOnly));
        Assert.Equal(1, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
        Assert.Equal(HttpStatusCode.OK, (await harness.Client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync("/twilio/sms", fields)).StatusCode);
        Assert.Equal(2, await harness.CountAsync("SELECT COUNT(*) FROM Conversations"));
    }

    /// <summary>Texts from new people until the database refuses one; what was refused, and how many were stored before.</summary>
    private static async Task<(Refused Refused, int Stored)> TextUntilRefusedAsync(TwilioHarness harness)
    {
        for (var person = 0; person < 500; person++)
        {
            var fields = TwilioHarness.InboundFields($"+97798100{person:D5}", "hello, I need help with my passport");
            var response = await harness.PostSignedAsync("/twilio/sms", fields);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (new Refused(response.StatusCode, fields["MessageSid"], fields), person);
            }
        }

        throw new InvalidOperationException("The capped database never filled.");
    }

    private static Task CapPagesAsync(TwilioHarness harness, bool atCurrentSize) =>
        harness.App.Services.GetRequiredService<Database>().RunOnSqliteWriterAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_count;";
            var pages = atCurrentSize ? (long)command.ExecuteScalar()! : 1_073_741_823;
            command.CommandText = $"PRAGMA max_page_count = {pages};";
            return command.ExecuteScalar();
        }, Ct);

    private static Task QueryOnlyAsync(TwilioHarness harness, bool on) =>
        harness.App.Services.GetRequiredService<Database>().RunOnSqliteWriterAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(on ? "ON" : "OFF")};";
            return command.ExecuteNonQuery();
        }, Ct);

    private sealed record Refused(HttpStatusCode Status, string Sid, Dictionary<string, string> Fields);
}
