namespace Hotline.Api.Tests.Referrals;

/// <summary>
/// A running host with an admin, a caseworker who speaks Nepali, two partners and an NGO account linked to
/// each through the admin API, every one signed in through the real form.
/// </summary>
public sealed class ReferralHarness : IAsyncDisposable
{
    public const string Language = "ne";

    private static int _phone;

    /// <summary>False when another harness started the host and disposes it.</summary>
    private readonly bool _ownsApp;

    private ReferralHarness(HotlineApp app, bool ownsApp)
    {
        App = app;
        _ownsApp = ownsApp;
    }

    public HotlineApp App { get; }

    public SignedInClient Admin { get; private set; } = null!;

    public SignedInClient Caseworker { get; private set; } = null!;

    public Partner Shelter { get; private set; } = null!;

    public Partner LegalAid { get; private set; } = null!;

    public SignedInClient ShelterStaff { get; private set; } = null!;

    public SignedInClient LegalAidStaff { get; private set; } = null!;

    /// <param name="settings">Configuration over the test defaults, e.g. another database file or other privacy keys.</param>
    public static Task<ReferralHarness> StartAsync(IDictionary<string, string?>? settings = null) =>
        StartAsync(DatabaseProvider.Sqlite, settings);

    /// <summary>The harness over a fresh database on <paramref name="engine"/> (see <see cref="HotlineApp.CreateAsync"/>).</summary>
    public static Task<ReferralHarness> StartAsync(DatabaseProvider engine, IDictionary<string, string?>? settings = null) =>
        HostDatabase.FreshAsync(engine, database => StartAsync(database, settings));

    /// <summary>The harness over <paramref name="database"/>, which other hosts run on before, after or beside it (see <see cref="HostDatabase"/>).</summary>
    public static async Task<ReferralHarness> StartAsync(HostDatabase database, IDictionary<string, string?>? settings = null) =>
        await new ReferralHarness(await HotlineApp.CreateAsync(database, settings), ownsApp: true).SetUpAsync([Language]);

    /// <summary>
    /// The same people and partners on a host another harness started (a <c>TwilioHarness</c>, for cases whose messages
    /// came through the webhook), with a caseworker who speaks <paramref name="caseworkerLanguages"/>; that harness
    /// disposes the host.
    /// </summary>
    public static Task<ReferralHarness> OnAsync(HotlineApp app, params string[] caseworkerLanguages) =>
        new ReferralHarness(app, ownsApp: false).SetUpAsync(caseworkerLanguages);

    private async Task<ReferralHarness> SetUpAsync(string[] caseworkerLanguages)
    {
        Admin = await SignedInClient.SignInAsync(App, await SignedInClient.AddUserAsync(App, "admin-referrals", UserRole.Admin, "en"));
        Caseworker = await SignedInClient.SignInAsync(App,
            await SignedInClient.AddUserAsync(App, "caseworker-ne", UserRole.Caseworker, caseworkerLanguages));
        Shelter = await CreatePartnerAsync("Safe House Doha", [PartnerServices.Shelter, PartnerServices.Psychosocial]);
        LegalAid = await CreatePartnerAsync("Migrant Legal Aid", [PartnerServices.LegalAid]);
        ShelterStaff = await NgoAsync("ngo-shelter", Shelter.Id);
        LegalAidStaff = await NgoAsync("ngo-legal", LegalAid.Id);
        return this;
    }

    public async Task<Partner> CreatePartnerAsync(string name, string[] services)
    {
        var response = await Admin.Http.PostAsJsonAsync("/api/admin/partners", new PartnerInput(
            name, services, ["ne", "en"], ["Doha"], "Intake desk", "intake@example.org", "+97444000000", null, null), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Partner>(Ct))!;
    }

    /// <summary>An NGO account, linked to its organisation through the admin API, then signed in.</summary>
    public async Task<SignedInClient> NgoAsync(string name, Guid? organisationId)
    {
        var user = await SignedInClient.AddUserAsync(App, name, UserRole.Ngo);
        if (organisationId is not null)
        {
            var response = await Admin.Http.PutAsJsonAsync($"/api/admin/users/{user.Id}/organisation", new { organisationId }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        return await SignedInClient.SignInAsync(App, user);
    }

    /// <summary>Queues a case as the intake would, optionally with a conversation, a note and a reply carrying canary text.</summary>
    public async Task<CaseRecord> QueueCaseAsync(string? phone = null, string[]? texts = null, string? note = null, string language = Language,
        PriorityBand priority = PriorityBand.High, string[]? reasons = null)
    {
        var services = App.Services;
        await using var session = await services.GetRequiredService<Database>().BeginWriteAsync(Ct);
        var address = new ChannelAddress(Channel.Sms, phone ?? $"+9779812{Interlocked.Increment(ref _phone):D6}");
        var conversation = await services.GetRequiredService<ConversationRepository>().CreateAsync(session, address, language, Ct);
        var queued = await services.GetRequiredService<CaseQueue>().EnqueueAsync(session,
            new NewCase(conversation.Id, language, priority, 40, reasons ?? ["documents_retained", "wages_withheld"]), Ct);
        foreach (var text in texts ?? [])
        {
            await services.GetRequiredService<MessageRepository>().AddAsync(session, new Message(Guid.NewGuid(), conversation.Id, queued.Id,
                MessageDirection.Inbound, Channel.Sms, $"SM{Guid.NewGuid():N}", text, null, 1, null, "received", DateTimeOffset.UtcNow), Ct);
        }

        if (note is not null)
        {
            await services.GetRequiredService<CaseNoteRepository>().AddAsync(session, queued.Id, Caseworker.User.Id, note, Ct);
        }

        await session.CommitAsync(Ct);
        return queued;
    }

    public async Task<HttpResponseMessage> ProposeAsync(Guid caseId, Guid partnerId, string service) =>
        await Caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new ProposeReferral(partnerId, service), Ct);

    public static RecordConsent Consent(params string[] fields) => new("person", "sms", null, fields,
        fields.Contains("summary") ? "Needs a safe place tonight; documents held by the employer." : null,
        fields.Contains("nationality") ? "NP" : null,
        fields.Contains("region") ? "Doha" : null,
        fields.Contains("contact_route") ? "through_hotline" : null);

    /// <summary>Proposes, records consent and sends: the partner can see it from here on.</summary>
    public async Task<ReferralView> SendAsync(Guid caseId, Partner partner, string service, RecordConsent consent)
    {
        var referral = await Read<ReferralView>(await ProposeAsync(caseId, partner.Id, service));
        await Read<ReferralView>(await Caseworker.Http.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referral.Id}/consent", consent, Ct));
        return await Read<ReferralView>(await Caseworker.Http.PostAsync($"/api/cases/{caseId}/referrals/{referral.Id}/send", null, Ct));
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, System.Text.Json.JsonSerializerOptions.Web)!;
    }

    public async Task<IReadOnlyList<CaseEvent>> EventsAsync(Guid caseId)
    {
        var database = App.Services.GetRequiredService<Database>();
        await using var session = await database.OpenAsync(Ct);
        return await App.Services.GetRequiredService<CaseEventLog>().ReadByCaseAsync(session, caseId, Ct);
    }

    public async Task<long> CountAsync(string table)
    {
        await using var session = await App.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.Connection.ExecuteScalarCountAsync($"SELECT COUNT(*) FROM {table}");
    }

    public ValueTask DisposeAsync() => _ownsApp ? App.DisposeAsync() : ValueTask.CompletedTask;
}
