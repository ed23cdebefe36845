using Hotline.Api.SimCards;
using static Hotline.Api.Tests.Retention.RetentionSeeds;

namespace Hotline.Api.Tests.Retention;

/// <summary>
/// A review: the issued-SIM registry was never swept. Every issued number's keyed hash, language, issue date and programme
/// stayed until the person asked to be erased, and with the lookup key on the same host a programme's list of numbers could
/// be recovered. A row now goes <c>IssuedSimDays</c> (here 365) after its SIM was issued, and with its number's
/// conversation when that conversation's identity goes.
/// </summary>
public sealed class RetentionOfIssuedSimsTests
{
    private const string Header = "phone_number,language,issued_on,programme\n";

    [Theory, DatabaseData]
    public async Task A_sims_registration_is_kept_until_its_retention_ends_and_then_deleted(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        await hotline.Get<SimRegistry>().ImportAsync(Encoding.UTF8.GetBytes(Header
            + "+9779801234567,ne,2026-03-01,Doha arrivals\n+9779801234568,ne,2026-03-02,Doha arrivals\n+9779801234569,ne,2026-03-03,Doha arrivals\n"), Ct);
        var sweep = hotline.Get<RetentionSweep>();

        hotline.Time.SetUtcNow(new DateTimeOffset(2027, 2, 28, 23, 59, 59, TimeSpan.Zero));
        var dayBefore = await sweep.SweepAsync(Ct);
        var keptTheDayBefore = await ScalarAsync<long>(hotline, "SELECT COUNT(*) FROM IssuedSims");
        hotline.Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var onTheDay = await sweep.SweepAsync(Ct);

        Assert.Equal(3, keptTheDayBefore);
        Assert.Equal((0, 1), (dayBefore.IssuedSims, onTheDay.IssuedSims));
        await using var session = await hotline.Database.OpenAsync(Ct);
        var registry = hotline.Get<SimRegistry>();
        Assert.Null(await registry.FindLanguageAsync(session, new ChannelAddress(Channel.Sms, "+9779801234567"), Ct));
        Assert.Equal("ne", await registry.FindLanguageAsync(session, new ChannelAddress(Channel.Sms, "+9779801234568"), Ct));
        Assert.Contains("SIM registrations 1", onTheDay.Describe());
    }

    [Theory, DatabaseData]
    public async Task A_sims_registration_goes_with_its_numbers_idle_conversation_and_another_number_stays(DatabaseProvider engine)
    {
        await using var hotline = await StartAsync(engine);
        var issuedOn = hotline.Time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await hotline.Get<SimRegistry>().ImportAsync(Encoding.UTF8.GetBytes(Header
            + $"+9779801234567,ne,{issuedOn},Doha arrivals\n+9779801234568,ne,{issuedOn},Doha arrivals\n"), Ct);
        var quiet = await hotline.QueueCaseAsync(new ChannelAddress(Channel.Sms, "+9779801234567"), "ne", PriorityBand.Low);
        await CloseAsync(hotline, quiet.Id);
        hotline.Time.Advance(TimeSpan.FromDays(200));

        var swept = await hotline.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal((1, 1), (swept.Conversations, swept.Content.SimRegistrations));
        await using var session = await hotline.Database.OpenAsync(Ct);
        var registry = hotline.Get<SimRegistry>();
        Assert.Null(await registry.FindLanguageAsync(session, new ChannelAddress(Channel.Sms, "+9779801234567"), Ct));
        Assert.Equal("ne", await registry.FindLanguageAsync(session, new ChannelAddress(Channel.Sms, "+9779801234568"), Ct));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    public void A_sim_registrys_retention_out_of_range_is_refused_naming_its_key(string value)
    {
        var options = new RetentionOptions { IssuedSimDays = int.Parse(value, CultureInfo.InvariantCulture) };

        var result = new RetentionOptionsValidator().Validate(null, options);

        Assert.Equal("Hotline:Retention:IssuedSimDays must be between 1 and 3650.", result.FailureMessage);
    }

    private static async Task CloseAsync(HotlineApp hotline, Guid caseId)
    {
        var worker = await hotline.AddUserAsync(UserRole.Caseworker, "ne");
        var lease = await hotline.Get<CaseQueue>().ClaimAsync(caseId, worker.Id, TimeSpan.FromMinutes(5), Ct)
            ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await hotline.Get<CaseActions>().CloseAsync(worker, caseId, lease.LeaseToken, "resolved", null, Ct)).Value);
    }

    private static Task<HotlineApp> StartAsync(DatabaseProvider engine) =>
        HotlineApp.StartPartsAsync(engine, new Dictionary<string, string?>
        {
            [$"{RetentionOptions.Section}:ClosedCaseContentDays"] = "90",
            [$"{RetentionOptions.Section}:IdleConversationDays"] = "180",
            [$"{RetentionOptions.Section}:IssuedSimDays"] = "365",
            [$"{RetentionOptions.Section}:BatchSize"] = "2",
        });
}
