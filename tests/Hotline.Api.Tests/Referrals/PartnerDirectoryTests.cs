namespace Hotline.Api.Tests.Referrals;

public sealed class PartnerDirectoryTests
{
    [Theory, DatabaseData]
    public async Task An_admin_adds_and_changes_a_partner_and_caseworkers_see_only_active_partners(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var embassy = await h.CreatePartnerAsync("Embassy of Nepal", [PartnerServices.RepatriationOrEmbassy]);

        var changed = await Read<Partner>(await h.Admin.Http.PutAsJsonAsync($"/api/admin/partners/{embassy.Id}", new PartnerInput(
            "Embassy of Nepal, Labour desk", [PartnerServices.RepatriationOrEmbassy, PartnerServices.LegalAid], ["ne"], ["Doha", "Al Khor"],
            null, null, null, false, embassy.Version), Ct));
        var active = await Read<List<Partner>>(await h.Caseworker.Http.GetAsync("/api/partners", Ct));
        var all = await Read<List<Partner>>(await h.Admin.Http.GetAsync("/api/admin/partners", Ct));
        var legal = await Read<List<Partner>>(await h.Caseworker.Http.GetAsync("/api/partners?service=legal_aid", Ct));

        Assert.Equal(("Embassy of Nepal, Labour desk", false, 2), (changed.Name, changed.Active, changed.Version));
        Assert.DoesNotContain(active, p => p.Id == embassy.Id);
        Assert.Contains(all, p => p.Id == embassy.Id && !p.Active);
        Assert.Equal([h.LegalAid.Id], legal.Select(p => p.Id));
    }

    [Theory, DatabaseData]
    public async Task A_change_made_from_a_stale_version_is_refused_with_409(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var input = new PartnerInput("Safe House Doha", [PartnerServices.Shelter], ["ne"], ["Doha"], null, null, null, true, h.Shelter.Version);
        await Read<Partner>(await h.Admin.Http.PutAsJsonAsync($"/api/admin/partners/{h.Shelter.Id}", input, Ct));

        var stale = await h.Admin.Http.PutAsJsonAsync($"/api/admin/partners/{h.Shelter.Id}", input with { Name = "Other name" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [DatabaseData("", "shelter")]
    [DatabaseData("Helpers", "massage")]
    [DatabaseData("Migrant Legal Aid", "legal_aid")]
    public async Task A_partner_with_no_name_an_unknown_service_or_a_taken_name_is_refused(DatabaseProvider engine, string name, string service)
    {
        await using var h = await StartAsync(engine);

        var response = await h.Admin.Http.PostAsJsonAsync("/api/admin/partners",
            new PartnerInput(name, [service], ["en"], [], null, null, null, null, null), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, response.StatusCode.ToString());
        Assert.Equal(2, (await Read<List<Partner>>(await h.Admin.Http.GetAsync("/api/admin/partners", Ct))).Count);
    }

    [Theory, DatabaseData]
    public async Task Only_an_admin_keeps_the_directory(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);
        var supervisor = await SignedInClient.SignInAsync(h.App, await SignedInClient.AddUserAsync(h.App, "supervisor-1", UserRole.Supervisor, "en"));

        var create = await supervisor.Http.PostAsJsonAsync("/api/admin/partners",
            new PartnerInput("Rogue", [PartnerServices.Shelter], [], [], null, null, null, null, null), Ct);
        var assign = await h.Caseworker.Http.PutAsJsonAsync($"/api/admin/users/{h.ShelterStaff.User.Id}/organisation", new { organisationId = h.LegalAid.Id }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Only_an_ngo_account_can_be_linked_and_only_to_a_partner_that_exists(DatabaseProvider engine)
    {
        await using var h = await StartAsync(engine);

        var staff = await h.Admin.Http.PutAsJsonAsync($"/api/admin/users/{h.Caseworker.User.Id}/organisation", new { organisationId = h.Shelter.Id }, Ct);
        var unknown = await h.Admin.Http.PutAsJsonAsync($"/api/admin/users/{h.ShelterStaff.User.Id}/organisation", new { organisationId = Guid.NewGuid() }, Ct);
        var accounts = await Read<List<PartnerEndpoints.NgoAccount>>(await h.Admin.Http.GetAsync("/api/admin/ngo-users", Ct));

        Assert.Equal(HttpStatusCode.BadRequest, staff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(h.Shelter.Id, accounts.Single(a => a.Id == h.ShelterStaff.User.Id).OrganisationId);
    }
}
