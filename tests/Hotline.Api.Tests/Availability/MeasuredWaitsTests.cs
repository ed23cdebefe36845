namespace Hotline.Api.Tests.Availability;

/// <summary>
/// The wait told at hand-off is what people waited: the median from queued to first claimed, per language and band,
/// over the last two hours, rounded to 5 minutes within 5..240, and none (the configured wait) under five claims.
/// </summary>
public sealed class MeasuredWaitsTests
{
    /// <summary>Queues the cases at once, then claims each when the clock reaches its minute after the first was queued.</summary>
    private static async Task ClaimAfterAsync(HotlineApp hotline, string language, PriorityBand band, params int[] minutes)
    {
        var caseworker = await hotline.AddUserAsync(UserRole.Caseworker, language);
        var start = hotline.Time.GetUtcNow();
        var cases = new List<CaseRecord>();
        foreach (var _ in minutes)
        {
            cases.Add(await hotline.QueueCaseAsync(language, band));
        }

        foreach (var (queued, minute) in cases.Zip(minutes))
        {
            if (minute > 0)
            {
                hotline.Time.SetUtcNow(start + TimeSpan.FromMinutes(minute));
            }

            Assert.NotNull(await hotline.Get<CaseQueue>().ClaimAsync(queued.Id, caseworker.Id, TimeSpan.FromMinutes(5), Ct));
        }
    }

    private static async Task<IReadOnlyDictionary<(string Language, PriorityBand Band), int>> ReadAsync(HotlineApp hotline)
    {
        await using var session = await hotline.Database.OpenAsync(Ct);
        return await hotline.Get<MeasuredWaits>().ReadAsync(session, hotline.Time.GetUtcNow(), Ct);
    }

    [Theory, DatabaseData]
    public async Task Five_claims_give_their_median_rounded_to_five_minutes(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await ClaimAfterAsync(hotline, "en", PriorityBand.High, 12, 18, 33, 44, 110);

        // The middle wait is 33 minutes less the 2 seconds its case was queued after the first: 32:58, told as 35.
        Assert.Equal(new Dictionary<(string, PriorityBand), int> { [("en", PriorityBand.High)] = 35 }, await ReadAsync(hotline));
    }

    [Theory, DatabaseData]
    public async Task Four_claims_are_too_few_to_measure(DatabaseProvider engine)
    {
        await using var hotline = await HotlineApp.StartPartsAsync(engine);
        await ClaimAfterAsync(hotline, "ar", PriorityBand.Low, 10, 20, 30, 40);

        Assert.Empty(await ReadAsync(hotline));
    }

    [Fact]
    public async Task Claims_older_than_two_hours_do_not_count()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await ClaimAfterAsync(hotline, "en", PriorityBand.Medium, 10, 20, 30, 40, 50);
        hotline.Time.Advance(TimeSpan.FromMinutes(121));

        Assert.Empty(await ReadAsync(hotline));
    }

    [Fact]
    public async Task Each_language_and_band_is_measured_apart()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        await ClaimAfterAsync(hotline, "en", PriorityBand.Critical, 1, 2, 3, 4, 5);
        await ClaimAfterAsync(hotline, "ne", PriorityBand.Critical, 60, 70, 80, 90, 100);

        Assert.Equal(new Dictionary<(string, PriorityBand), int> { [("en", PriorityBand.Critical)] = 5, [("ne", PriorityBand.Critical)] = 80 },
            await ReadAsync(hotline));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(7.4, 5)]
    [InlineData(7.5, 10)]
    [InlineData(62, 60)]
    [InlineData(600, 240)]
    public void A_median_is_rounded_to_five_minutes_within_five_and_two_hundred_and_forty(double medianMinutes, int told)
    {
        Assert.Equal(told, MeasuredWaits.Announced(TimeSpan.FromMinutes(medianMinutes)));
    }

    [Fact]
    public async Task A_burst_of_hand_offs_reads_the_queue_once_per_thirty_seconds()
    {
        await using var hotline = await HotlineApp.StartPartsAsync();
        var waits = hotline.Get<MeasuredWaits>();
        await ClaimAfterAsync(hotline, "en", PriorityBand.High, 1, 2, 3, 4);
        Assert.Empty(await waits.CurrentAsync(Ct));

        // The fifth claim comes while the read four-claim answer is still fresh.
        await ClaimAfterAsync(hotline, "en", PriorityBand.High, 0);
        var beforeExpiry = await waits.CurrentAsync(Ct);
        hotline.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(beforeExpiry);
        Assert.Equal(new Dictionary<(string, PriorityBand), int> { [("en", PriorityBand.High)] = 5 }, await waits.CurrentAsync(Ct));
    }
}
