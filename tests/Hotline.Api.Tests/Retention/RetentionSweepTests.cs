using Hotline.Api.Retention;
using Hotline.Api.Storage;
using Hotline.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Api.Tests.Retention;

/// <summary>Protocol records that only guard against a repeated delivery go once the retention has passed.</summary>
public sealed class RetentionSweepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Chat_activity_records_older_than_the_retention_are_deleted_and_younger_ones_kept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AddChatActivityAsync(db, "old", Now.AddHours(-49));
        await AddChatActivityAsync(db, "young", Now.AddHours(-47));

        var swept = await Sweep(db).SweepAsync(Ct);

        Assert.Equal(1, swept.ChatActivities);
        Assert.Equal(["young"], await KeysAsync(db, "SELECT ActivityHash FROM ChatActivities"));
    }

    [Theory, DatabaseData]
    public async Task Unmatched_delivery_statuses_older_than_the_retention_are_deleted_and_younger_ones_kept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await AddEarlyStatusAsync(db, "SMold", Now.AddHours(-49));
        await AddEarlyStatusAsync(db, "SMyoung", Now.AddHours(-47));

        var swept = await Sweep(db).SweepAsync(Ct);

        Assert.Equal(1, swept.EarlyDeliveryStatuses);
        Assert.Equal(["SMyoung"], await KeysAsync(db, "SELECT ChannelMessageId FROM EarlyDeliveryStatuses"));
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

    private static RetentionSweep Sweep(TestDatabase db) =>
        new(db.Database, Options.Create(new RetentionOptions { ProtocolRecordHours = 48 }), new FakeTimeProvider(Now));

    private static Task AddChatActivityAsync(TestDatabase db, string key, DateTimeOffset receivedAt) =>
        db.Database.WriteAsync((session, token) =>
            session.ExecuteAsync("ChatActivities_Create", new { ActivityHash = key, Type = "conversationUpdate", ReceivedAt = receivedAt }, token), Ct);

    private static Task AddEarlyStatusAsync(TestDatabase db, string messageId, DateTimeOffset receivedAt) =>
        db.Database.WriteAsync((session, token) => session.ExecuteAsync("EarlyDeliveryStatuses_Create", new
        {
            Channel = "Sms",
            ChannelMessageId = messageId,
            DeliveryStatus = "delivered",
            DeliveryRank = 3,
            DeliveryError = (string?)null,
            ReceivedAt = receivedAt,
        }, token), Ct);

    private static async Task<List<string>> KeysAsync(TestDatabase db, string sql)
    {
        await using var session = await db.Database.OpenAsync(Ct);
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
