using Hotline.Api.SessionKeys;

namespace Hotline.Api.Tests.SessionKeys;

/// <summary>
/// Instances behind the proxy share one database and nothing else: a session and an antiforgery token made by one
/// must work on another, and on both after they are replaced by new processes.
/// </summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hotline-key-ring-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string DatabaseFile => Path.Combine(_folder, "hotline.db");

    [Fact]
    public async Task A_session_and_its_antiforgery_token_from_one_host_work_on_another_and_after_both_are_replaced()
    {
        ProxiedBrowserCookies browser;
        string antiforgeryToken;
        await using (var first = OnSharedDatabase())
        await using (var second = OnSharedDatabase())
        {
            await SignedInClient.AddUserAsync(first, "amira", UserRole.Admin, "en");
            (browser, antiforgeryToken) = await SignInAsync(first, "amira");

            Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(second, browser, antiforgeryToken, "Safe House")).StatusCode);
        }

        await using var third = OnSharedDatabase();
        await using var fourth = OnSharedDatabase();
        Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(third, browser, antiforgeryToken, "Legal Aid")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(fourth, browser, antiforgeryToken, "Embassy Desk")).StatusCode);
    }

    [Fact]
    public async Task A_host_on_another_database_refuses_the_session()
    {
        await using var first = OnSharedDatabase();
        await SignedInClient.AddUserAsync(first, "amira", UserRole.Admin, "en");
        var (browser, antiforgeryToken) = await SignInAsync(first, "amira");
        await using var elsewhere = new HotlineApp();

        Assert.Equal(HttpStatusCode.Unauthorized, (await CreatePartnerAsync(elsewhere, browser, antiforgeryToken, "Safe House")).StatusCode);
    }

    [Fact]
    public async Task The_database_and_its_write_ahead_log_hold_the_key_ring_only_encrypted()
    {
        await using var app = OnSharedDatabase();
        await SignedInClient.AddUserAsync(app, "amira", UserRole.Admin, "en");
        await SignInAsync(app, "amira");
        var masterKey = Assert.Single(app.Services.GetRequiredService<DatabaseKeyRepository>().GetAllElements())
            .Descendants("masterKey").Single().Element("value")!.Value;
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync(Ct);

        Assert.StartsWith("hl2:test1:", await connection.ExecuteScalarTextAsync("SELECT XmlCipher FROM DataProtectionKeys"));
        Assert.Contains(DatabaseFile + "-wal", FilesOfTheDatabase());
        Assert.DoesNotContain(FilesOfTheDatabase(), file => Contains(file, "<key") || Contains(file, masterKey));
    }

    private HotlineApp OnSharedDatabase() => new(new Dictionary<string, string?> { ["Hotline:Database:ConnectionString"] = $"Data Source={DatabaseFile}" });

    /// <summary>The sign-in form as the page posts it, then the session's antiforgery token, as the console reads it.</summary>
    private static async Task<(ProxiedBrowserCookies Browser, string AntiforgeryToken)> SignInAsync(HotlineApp app, string userName)
    {
        var browser = new ProxiedBrowserCookies(app.Server.CreateHandler());
        using var http = new HttpClient(browser, disposeHandler: false) { BaseAddress = app.Server.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClient.PostSignInAsync(http, userName, SignedInClient.Password)).StatusCode);
        var session = await http.GetFromJsonAsync<Hotline.Api.Auth.SessionEndpoints.SessionView>("/api/session", Ct);
        return (browser, session!.AntiforgeryToken);
    }

    /// <summary>A state-changing request sent to <paramref name="app"/> with the browser's cookies and token.</summary>
    private static async Task<HttpResponseMessage> CreatePartnerAsync(HotlineApp app, ProxiedBrowserCookies browser, string antiforgeryToken, string name)
    {
        using var http = new HttpClient(app.Server.CreateHandler()) { BaseAddress = app.Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/partners")
        {
            Content = JsonContent.Create(new PartnerInput(name, [PartnerServices.Shelter], ["en"], ["Doha"], "Intake desk", "intake@example.org", "+97444000000", null, null)),
        };
        request.Headers.Add("Cookie", browser.CookieHeader);
        request.Headers.Add(Hotline.Api.Auth.AuthServices.AntiforgeryHeader, antiforgeryToken);
        return await http.SendAsync(request, Ct);
    }

    private IEnumerable<string> FilesOfTheDatabase() => Directory.EnumerateFiles(_folder, "hotline.db*");

    private static bool Contains(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
