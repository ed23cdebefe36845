using Hotline.Api.Tests.BotConnector;
using OtpNet;

namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// <c>keys rotate</c> reaches the rarer encrypted rows: a Bot Framework conversation's reply route and a user's
/// authenticator secret, each written under k1 by the hotline's own path, are sealed again under k2. With k1 gone from the
/// configuration each still reads, and, bound to its row, does not read once copied onto another row. The hosts run one
/// after another on one database (<see cref="HostDatabase"/>), on either engine.
/// </summary>
public sealed class RouteAndSecretKeyRotationTests
{
    private readonly NamedKeys _keys = new("k1", "k2");

    [Theory, DatabaseData]
    public async Task A_chat_route_kept_under_an_old_key_reads_after_rotation_with_the_old_key_removed(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await using (var bot = await BotHarness.StartAsync(database, _keys.Settings("k1", "k1")))
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.Message("amina", "hello", id: "act-amina", conversation: "conv|amina"))).StatusCode);
        }

        Assert.Equal(
            [
                "ChatRoutes.BotConversationId: 1/0/0", "ChatRoutes.UserId: 1/0/0", "ChatRoutes.UserName: 1/0/0", "ChatRoutes.ReplyToId: 1/0/0",
            ],
            await RotateAsync(database, "ChatRoutes"));

        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k2"));
        var route = await FindRouteAsync(after, Guid.Parse((await after.ScalarAsync("SELECT ConversationId FROM ChatRoutes"))!));
        Assert.Equal(("conv|amina", "amina", "amina name", "act-amina"),
            (route.Address.ConversationId, route.Address.User.Id, route.Address.User.Name, route.Address.ReplyToId));
    }

    [Theory, DatabaseData]
    public async Task A_rotated_chat_route_copied_onto_another_conversation_does_not_read(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        await using (var bot = await BotHarness.StartAsync(database, _keys.Settings("k1", "k1")))
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.Message("amina", "hello", conversation: "conv|amina"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await bot.SendAsync(bot.Message("ravi", "hello", conversation: "conv|ravi"))).StatusCode);
        }

        await RotateAsync(database, "ChatRoutes");
        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k2"));
        var amina = await ConversationOfRouteAsync(after, "amina");
        var ravi = await ConversationOfRouteAsync(after, "ravi");
        await after.ExecuteAsync(
            $"UPDATE ChatRoutes SET BotConversationIdCipher = (SELECT BotConversationIdCipher FROM ChatRoutes WHERE ConversationId = '{amina}') WHERE ConversationId = '{ravi}'");

        Assert.Equal("conv|amina", (await FindRouteAsync(after, amina)).Address.ConversationId);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => FindRouteAsync(after, ravi));
    }

    [Theory, DatabaseData]
    public async Task An_authenticator_secret_kept_under_an_old_key_checks_codes_after_rotation_with_the_old_key_removed(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        var (user, secret) = await EnrolUnderK1Async(database);

        Assert.Equal(["Users.TotpSecret: 1/0/0"], await RotateAsync(database, "Users"));

        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k2"));
        after.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await after.Get<TwoFactorStore>().VerifyAsync(user.Id, CodeAt(after, secret), Ct));
    }

    [Theory, DatabaseData]
    public async Task A_rotated_authenticator_secret_copied_onto_another_user_does_not_read(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        var (user, secret) = await EnrolUnderK1Async(database);
        await RotateAsync(database, "Users");

        await using var after = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k2"));
        var other = await after.AddUserAsync(UserRole.Caseworker, "en");
        await after.ExecuteAsync($"UPDATE Users SET TotpSecret = (SELECT TotpSecret FROM Users WHERE Id = '{user.Id}') WHERE Id = '{other.Id}'");
        after.Time.Advance(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAnyAsync<CryptographicException>(() => after.Get<TwoFactorStore>().VerifyAsync(other.Id, CodeAt(after, secret), Ct));
    }

    /// <summary>A caseworker enrolled in two-factor sign-in under k1, through the store the enrolment endpoint uses.</summary>
    private async Task<(User User, string Secret)> EnrolUnderK1Async(HostDatabase database)
    {
        await using var first = await HotlineApp.StartPartsAsync(database, _keys.Settings("k1", "k1"));
        var user = await first.AddUserAsync(UserRole.Caseworker, "en");
        var secret = TwoFactorStore.NewSecret();
        Assert.NotNull(await first.Get<TwoFactorStore>().EnrolAsync(user.Id, secret, CodeAt(first, secret), Ct));
        return (user, secret);
    }

    private static string CodeAt(HotlineApp hotline, string secret) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(hotline.Time.GetUtcNow().UtcDateTime);

    /// <summary>Rotates to k2 with k1 still configured; the report's lines for <paramref name="table"/> ("rewritten/changed meanwhile/unreadable").</summary>
    private async Task<IReadOnlyList<string>> RotateAsync(HostDatabase database, string table)
    {
        await using var rotating = await HotlineApp.StartPartsAsync(database, _keys.Settings("k2", "k1", "k2"));
        var report = await rotating.Get<KeyRotation>().RotateAsync(KeyRotation.DefaultBatchSize, _ => Task.CompletedTask, Ct);
        return [.. report.Columns.Where(c => c.Column.StartsWith(table + ".", StringComparison.Ordinal))
            .Select(c => $"{c.Column}: {c.Rewritten}/{c.ChangedMeanwhile}/{c.Unreadable}")];
    }

    private static async Task<ChatRoute> FindRouteAsync(HotlineApp hotline, Guid conversationId)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return (await hotline.Get<ChatRouteRepository>().FindAsync(session, conversationId, Ct))!;
    }

    /// <summary>The conversation whose route answers <paramref name="user"/>, found by reading every route (the user's id is sealed).</summary>
    private static async Task<Guid> ConversationOfRouteAsync(HotlineApp hotline, string user)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        foreach (var conversationId in await session.Connection.QueryAsync<Guid>("SELECT ConversationId FROM ChatRoutes"))
        {
            if ((await hotline.Get<ChatRouteRepository>().FindAsync(session, conversationId, Ct))!.Address.User.Id == user)
            {
                return conversationId;
            }
        }

        throw new InvalidOperationException($"No chat route answers {user}.");
    }
}
