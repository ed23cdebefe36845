using Hotline.Api.Partners;

namespace Hotline.Api.Tests.Partners;

/// <summary>A partner's languages meet the accounts' rule: languages of the intake, the ones a case can be in.</summary>
public sealed class PartnerLanguagesTests
{
    private const string Partners = "/api/admin/partners";

    [Theory]
    [InlineData("zz", "'zz' is not a language of the intake; choose from en, ar, hi, ur, bn, ne, ml, ta, te, si, fil, id, am, sw.")]
    [InlineData("en;ar", "Languages are BCP-47 tags such as en, ar, ne, fil.")]
    public async Task A_language_the_accounts_form_refuses_is_refused_for_a_partner_too(string language, string detail)
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));
        var kept = await ReadAsync<Partner>(await admin.Http.PostAsJsonAsync(Partners, Input("Safe House Doha", ["ne"], null), Ct));

        var added = await admin.Http.PostAsJsonAsync(Partners, Input("Migrant Legal Aid", ["en", language], null), Ct);
        var changed = await admin.Http.PutAsJsonAsync($"{Partners}/{kept.Id}", Input("Safe House Doha", [language], kept.Version), Ct);
        var account = await admin.Http.PostAsJsonAsync("/api/admin/accounts", new { requestId = Guid.NewGuid(), userName = "ravi", role = "caseworker", languages = new[] { language } }, Ct);

        Assert.Equal((HttpStatusCode.BadRequest, detail), (added.StatusCode, await DetailAsync(added)));
        Assert.Equal((HttpStatusCode.BadRequest, detail), (changed.StatusCode, await DetailAsync(changed)));
        Assert.Equal(detail, await DetailAsync(account));
        Assert.Equal(["ne"], (await ReadAsync<List<Partner>>(await admin.Http.GetAsync(Partners, Ct))).Single().Languages);
    }

    [Fact]
    public async Task A_partner_in_intake_languages_in_any_case_is_added_with_them_in_lower_case()
    {
        await using var app = new HotlineApp();
        var admin = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ines", UserRole.Admin, "en"));

        var added = await ReadAsync<Partner>(await admin.Http.PostAsJsonAsync(Partners, Input("Migrant Legal Aid", ["NE", "fil", "en"], null), Ct));

        Assert.Equal(["ne", "fil", "en"], added.Languages);
    }

    private static PartnerInput Input(string name, IReadOnlyList<string> languages, int? version) =>
        new(name, [PartnerServices.Shelter], languages, ["Doha"], null, null, null, null, version);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(Ct))?.Detail;
}
