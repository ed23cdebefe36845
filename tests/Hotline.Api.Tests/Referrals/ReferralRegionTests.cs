using Hotline.Api.Tests.Retention;

namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A region a consent shares (a camp, a street) can identify a person: stored encrypted, still shown to whom the consent lets
/// see it, and gone, encrypted form and all, once the case's content is erased or past its retention.
/// </summary>
public sealed class ReferralRegionTests
{
    private const string CanaryRegion = "CANARY-labour-camp-7-Al-Khor";
    private const string Phone = "+9779812000777";

    [Fact]
    public async Task A_shared_region_reaches_the_partner_but_not_the_database_file_in_the_clear()
    {
        await using var h = await StartAsync();
        var kase = await h.QueueCaseAsync();
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("region") with { Region = CanaryRegion });

        var body = await (await h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains(CanaryRegion, body, StringComparison.Ordinal);
        Assert.Equal(CanaryRegion, sent.Consent!.Region);
        var files = Directory.GetFiles(h.App.Folder, "hotline.db*").Select(File.ReadAllBytes);
        Assert.DoesNotContain(files, bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(CanaryRegion)) >= 0);
    }

    [Theory, DatabaseData]
    public async Task Erasing_the_person_removes_the_encrypted_region_of_their_referral(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync(Phone);
        await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("region") with { Region = CanaryRegion });

        var exit = await OperatorCommands.RunAsync(h.App.Services, ["erase", "--phone", Phone, "--force"], TextReader.Null, new StringWriter(), Ct);

        Assert.Equal(0, exit);
        Assert.Equal(0, await h.App.CountAsync("SELECT COUNT(*) FROM Referrals WHERE RegionCipher IS NOT NULL OR Region IS NOT NULL"));
    }

    [Theory, DatabaseData]
    public async Task Retention_removes_the_encrypted_region_with_the_rest_of_a_closed_cases_content(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync();
        await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("region") with { Region = CanaryRegion });
        await CloseAsync(h, kase.Id);
        var retention = h.App.Get<IOptions<RetentionOptions>>().Value.ClosedCaseContentDays;
        await RetentionSeeds.RawAsync(h.App, "UPDATE Cases SET ClosedAt = @At WHERE Id = @Id",
            new { At = DateTimeOffset.UtcNow.AddDays(-retention - 1), Id = kase.Id });

        var swept = await h.App.Get<RetentionSweep>().SweepAsync(Ct);

        Assert.Equal(1, swept.Cases);
        Assert.Equal(0, await h.App.CountAsync("SELECT COUNT(*) FROM Referrals WHERE RegionCipher IS NOT NULL OR Region IS NOT NULL"));
    }

    /// <summary>The caseworker takes the case and closes it as resolved.</summary>
    private static async Task CloseAsync(ReferralHarness h, Guid caseId)
    {
        var lease = await h.App.Get<CaseQueue>().ClaimAsync(caseId, h.Caseworker.User.Id, TimeSpan.FromMinutes(5), Ct)
            ?? throw new InvalidOperationException("The case was not claimed.");
        Assert.True((await h.App.Get<CaseActions>().CloseAsync(h.Caseworker.User, caseId, lease.LeaseToken, "resolved", null, Ct)).Value);
    }
}
