namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// Writes recognisable phone numbers, names and message texts into cases that are then referred, and reads
/// back every response an NGO account can get: none of them may carry a canary.
/// </summary>
public sealed class NgoCanaryTests
{
    private const string CanaryPhone = "+9779800071234";
    private const string CanaryName = "Canarydevi Canaryrai";
    private const string CanaryText = "CANARY-message: my passport is with the sponsor";
    private const string CanaryNote = "CANARY-note: sleeps at labour camp 7";

    private static readonly string[] Canaries = [CanaryPhone, CanaryPhone[1..], CanaryPhone[4..], "Canarydevi", "Canaryrai", "CANARY"];

    [Theory, DatabaseData]
    public async Task No_response_an_ngo_account_can_get_carries_a_phone_number_a_name_or_message_text(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var referrals = new List<ReferralView>();
        for (var i = 0; i < 6; i++)
        {
            var kase = await h.QueueCaseAsync(phone: i == 0 ? CanaryPhone : null, texts: [CanaryText, $"My name is {CanaryName}"], note: CanaryNote);
            referrals.Add(await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter,
                Consent("language", "nationality", "region", "indicators", "urgency", "summary", "contact_route")));
        }

        var ngo = h.ShelterStaff.Http;
        var bodies = new List<string>
        {
            await Body(ngo.GetAsync("/api/partner/referrals", Ct)),
            await Body(ngo.GetAsync("/api/session", Ct)),
            await Body(ngo.GetAsync("/api/referral-options", Ct)),
            await Body(ngo.PostAsync($"/api/partner/referrals/{referrals[0].Id}/accept", null, Ct)),
            await Body(ngo.PostAsJsonAsync($"/api/partner/referrals/{referrals[1].Id}/decline", new DeclineReferral("no_capacity"), Ct)),
            await Body(ngo.PostAsJsonAsync($"/api/partner/referrals/{referrals[0].Id}/outcome", new CompleteReferral("sheltered", null), Ct)),
        };
        foreach (var referral in referrals)
        {
            bodies.Add(await Body(ngo.GetAsync($"/api/partner/referrals/{referral.Id}", Ct)));
        }

        var statistics = await Body(ngo.GetAsync("/api/statistics", Ct));
        bodies.Add(statistics);
        bodies.Add(await Body(ngo.GetAsync("/api/statistics/csv", Ct)));
        var view = System.Text.Json.JsonSerializer.Deserialize<StatisticsView>(statistics, System.Text.Json.JsonSerializerOptions.Web)!;
        foreach (var table in view.Tables)
        {
            bodies.Add(await Body(ngo.GetAsync($"/api/statistics/charts/{table.Id}.svg", Ct)));
        }

        Assert.True(bodies.Count > 20);
        var hits = Canaries.Where(canary => bodies.Any(b => b.Contains(canary, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(hits);
    }

    [Theory, DatabaseData]
    public async Task The_scan_finds_a_canary_the_consent_let_through(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var kase = await h.QueueCaseAsync(phone: CanaryPhone, texts: [CanaryText]);
        var sent = await h.SendAsync(kase.Id, h.Shelter, PartnerServices.Shelter, Consent("summary") with { Summary = $"Ask for {CanaryName}." });

        var body = await Body(h.ShelterStaff.Http.GetAsync($"/api/partner/referrals/{sent.Id}", Ct));

        Assert.Contains("Canarydevi", body, StringComparison.Ordinal);
    }

    private static async Task<string> Body(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
