namespace Hotline.Api.Tests.Privacy;

/// <summary>Writes recognisable phone numbers and texts through every personal-data column, then reads the raw files.</summary>
public sealed class CanaryScanTests
{
    private const string CanaryPhone = "+9779800012345";
    private const string CanaryWhatsApp = "+628110098765";
    private const string CanaryText = "CANARY-passport-taken-by-Rahman";
    private const string CanaryNepali = "मेरो राहदानी कम्पनीले लियो CANARY";
    private const string CanaryNote = "CANARY-note-shelter-Doha";
    private const string CanaryState = "CANARY-engine-state-location-camp-7";

    [Fact]
    public async Task Canary_numbers_and_texts_never_reach_the_sqlite_file_or_its_wal_in_the_clear()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var hotline = await HotlineApp.StartPartsAsync();
        // SQLite folds the WAL into the file and deletes it when the last connection closes; holding one
        // open keeps the WAL on disk so that both are scanned.
        await using var holder = await hotline.Database.OpenAsync(ct);
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        await using (var session = await hotline.Database.BeginWriteAsync(ct))
        {
            var sms = await hotline.Get<ConversationRepository>().CreateAsync(session, new ChannelAddress(Channel.Sms, CanaryPhone), "ne", ct);
            await hotline.Get<ConversationRepository>().CreateAsync(session, new ChannelAddress(Channel.WhatsApp, CanaryWhatsApp), "id", ct);
            await hotline.Get<ConversationRepository>().UpdateAsync(session, sms with { EngineState = CanaryState }, ct);
            var queued = await hotline.Get<CaseQueue>().EnqueueAsync(session, new Api.CaseStore.NewCase(sms.Id, "ne", PriorityBand.High, 30, ["documents_retained"]), ct);
            foreach (var text in new[] { CanaryText, CanaryNepali })
            {
                await hotline.Get<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), sms.Id, queued.Id, MessageDirection.Inbound, Channel.Sms,
                    $"SM{Guid.NewGuid():N}", text, $"https://api.twilio.com/media/{CanaryPhone}", 1, null, "received", hotline.Time.GetUtcNow()), ct);
            }

            await hotline.Get<CaseNoteRepository>().AddAsync(session, queued.Id, worker.Id, CanaryNote, ct);
            await session.CommitAsync(ct);
        }

        var files = Directory.GetFiles(hotline.Folder, "hotline.db*");
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        var raw = files.Select(File.ReadAllBytes).ToList();

        string[] canaries = [CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], CanaryWhatsApp[1..], CanaryText, CanaryNepali, CanaryNote, CanaryState, "Rahman"];
        var hits = canaries.Where(canary => raw.Any(bytes => CanaryScan.Contains(bytes, canary))).ToList();
        Assert.Empty(hits);
    }

    [Fact]
    public async Task The_scan_finds_a_canary_that_is_stored_in_the_clear()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await hotline.AddUserAsync(UserRole.Caseworker, CanaryText);

        Assert.Contains(Directory.GetFiles(hotline.Folder, "hotline.db*").Select(File.ReadAllBytes), bytes => CanaryScan.Contains(bytes, CanaryText));
    }
}
