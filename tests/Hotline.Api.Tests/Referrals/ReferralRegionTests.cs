namespace Hotline.Api.Tests.Referrals;

/// <summary>A region a consent shares (a camp, a street) can identify a person: stored encrypted, still shown to whom the consent lets see it.</summary>
public sealed class ReferralRegionTests
{
    private const string CanaryRegion = "CANARY-labour-camp-7-Al-Khor";

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
}
