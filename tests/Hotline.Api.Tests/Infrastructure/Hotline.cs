using Hotline.Api.CaseStore;
using Hotline.Api.ConversationStore;
using Hotline.Api.Messages;
using Hotline.Api.Privacy;
using Hotline.Api.Storage;
using Hotline.Api.Users;
using Hotline.Bot.Channels;
using Hotline.Bot.Triage;
using Microsoft.Extensions.Time.Testing;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>The storage-side parts of Hotline wired over one test database, with a clock the test moves.</summary>
public sealed class HotlineParts(TestDatabase testDatabase)
{
    private int _nextPhone;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    public Database Database => testDatabase.Database;

    public CaseEventLog Events => new(Time, new CaseEventSignal());

    public CaseQueue Queue => new(Database, Events, Time);

    public ConversationRepository Conversations => new(TestKeys.Protector(), TestKeys.Hasher(), Time);

    public MessageRepository Messages => new(TestKeys.Protector());

    public CaseNoteRepository Notes => new(TestKeys.Protector(), Time);

    public UserRepository Users => new();

    public async Task<User> AddUserAsync(UserRole role, params string[] languages)
    {
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = $"user-{Guid.NewGuid():N}",
            DisplayName = "Test user",
            Role = role,
            PasswordHash = "not-a-real-hash",
            CreatedAt = Time.GetUtcNow(),
            Languages = languages,
        };
        await using var session = await Database.BeginWriteAsync(TestContext.Current.CancellationToken);
        await Users.AddAsync(session, user, TestContext.Current.CancellationToken);
        await session.CommitAsync(TestContext.Current.CancellationToken);
        return user;
    }

    /// <summary>Opens a conversation and queues its case; the clock moves a second so queue times differ.</summary>
    public async Task<CaseRecord> QueueCaseAsync(string language, PriorityBand priority, params string[] reasons)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var session = await Database.BeginWriteAsync(ct);
        var conversation = await Conversations.CreateAsync(session, NextPhone(), language, ct);
        var queued = await Queue.EnqueueAsync(session, new NewCase(conversation.Id, language, priority, (int)priority * 10, reasons), ct);
        await session.CommitAsync(ct);
        Time.Advance(TimeSpan.FromSeconds(1));
        return queued;
    }

    public ChannelAddress NextPhone() =>
        new(Channel.Sms, $"+44207946{Interlocked.Increment(ref _nextPhone):D4}");
}
