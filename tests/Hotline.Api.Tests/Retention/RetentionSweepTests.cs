namespace Hotline.Api.Tests.Retention;

/// <summary>Protocol records that only guard against a repeated delivery go once the retention has passed.</summary>
public sealed class RetentionSweepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Theory, DatabaseData]
    public async Task Chat_activity_records_older_than_the_retention_are_deleted_and_younger_ones_kept(DatabaseProvider provider)
    {
        await using var hotline = await StartAsync(provider);
        await AddChatActivityAsync(hotline, "old", Now.AddHours(-49));
        await AddChatActivityAsync(hotline, "young", Now.AddHours(-47));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(1, swept.ChatActivities);
        Assert.Equal(["young"], await KeysAsync(hotline, "SELECT ActivityHash FROM ChatActivities"));
    }

    [Theory, DatabaseData]
    public async Task Unmatched_delivery_statuses_older_than_the_retention_are_deleted_and_younger_ones_kept(DatabaseProvider provider)
    {
        await using var hotline = await StartAsync(provider);
        await AddEarlyStatusAsync(hotline, "SMold", Now.AddHours(-49));
        await AddEarlyStatusAsync(hotline, "SMyoung", Now.AddHours(-47));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(1, swept.EarlyDeliveryStatuses);
        Assert.Equal(["SMyoung"], await KeysAsync(hotline, "SELECT ChannelMessageId FROM EarlyDeliveryStatuses"));
    }

    [Theory]
    [InlineData(0, 60, "ProtocolRecordHours")]
    [InlineData(8_761, 60, "ProtocolRecordHours")]
    [InlineData(48, 0, "SweepIntervalMinutes")]
    [InlineData(48, 1_441, "SweepIntervalMinutes")]
    public void A_retention_setting_out_of_range_is_refused_naming_its_key(int hours, int minutes, string key)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions { ProtocolRecordHours = hours, SweepIntervalMinutes = minutes });

        Assert.Contains($"Hotline:Retention:{key}", result.FailureMessage);
    }

    /// <summary>The app with a 48-hour retention and its clock at <see cref="Now"/>.</summary>
    private static async Task<HotlineApp> StartAsync(DatabaseProvider provider)
    {
        var hotline = await HotlineApp.StartPartsAsync(provider, new Dictionary<string, string?> { [$"{RetentionOptions.Section}:ProtocolRecordHours"] = "48" });
        hotline.Time.SetUtcNow(Now);
        return hotline;
    }

    private static Task AddChatActivityAsync(HotlineApp hotline, string key, DateTimeOffset receivedAt) =>
        hotline.Database.WriteAsync((session, token) =>
            session.ExecuteAsync("ChatActivities_Create", new { ActivityHash = key, Type = "conversationUpdate", ReceivedAt = receivedAt }, token), Ct);

    private static Task AddEarlyStatusAsync(HotlineApp hotline, string messageId, DateTimeOffset receivedAt) =>
        hotline.Database.WriteAsync((session, token) => session.ExecuteAsync("EarlyDeliveryStatuses_Create", new
        {
            Channel = "Sms",
            ChannelMessageId = messageId,
            DeliveryStatus = "delivered",
            DeliveryRank = 3,
            DeliveryError = (string?)null,
            ReceivedAt = receivedAt,
        }, token), Ct);

    private static async Task<List<string>> KeysAsync(HotlineApp hotline, string sql)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        await using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
