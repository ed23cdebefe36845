using Hotline.Api.SessionKeys;

namespace Hotline.Api.Tests.SessionKeys;

/// <summary>
/// Instances behind the proxy share one database and nothing else: a session and an antiforgery token made by one
/// must work on another, and on both after they are replaced by new processes; on either engine, since the key ring
/// lives in the database (<see cref="HostDatabase"/>: several hosts on one database).
/// </summary>
public sealed class SharedKeyRingTests
{
    [Theory, DatabaseData]
    public async Task A_session_and_its_antiforgery_token_from_one_host_work_on_another_and_after_both_are_replaced(DatabaseProvider engine)
    {
        await using var database = await HostDatabase.CreateAsync(engine);
        ProxiedBrowserCookies browser;
        string antiforgeryToken;
        await using (var first = await HotlineApp.CreateAsync(database))
        await using (var second = await HotlineApp.CreateAsync(database))
        {
            await SignedInClient.AddUserAsync(first, "amira", UserRole.Admin, "en");
            (browser, antiforgeryToken) = await SignInAsync(first, "amira");

            Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(second, browser, antiforgeryToken, "Safe House")).StatusCode);
        }

        await using var third = await HotlineApp.CreateAsync(database);
        await using var fourth = await HotlineApp.CreateAsync(database);
        Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(third, browser, antiforgeryToken, "Legal Aid")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreatePartnerAsync(fourth, browser, antiforgeryToken, "Embassy Desk")).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task A_host_on_another_database_refuses_the_session(DatabaseProvider engine)
    {
        await using var first = await HotlineApp.CreateAsync(engine);
        await SignedInClient.AddUserAsync(first, "amira", UserRole.Admin, "en");
        var (browser, antiforgeryToken) = await SignInAsync(first, "amira");
        await using var elsewhere = await HotlineApp.CreateAsync(engine);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CreatePartnerAsync(elsewhere, browser, antiforgeryToken, "Safe House")).StatusCode);
    }

    /// <summary>SQLite only: what is looked at is the database's file and its write-ahead log on disk.</summary>
    [Fact]
    public async Task The_database_and_its_write_ahead_log_hold_the_key_ring_only_encrypted()
    {
        await using var database = HostDatabase.NewSqlite();
        await using var app = await HotlineApp.CreateAsync(database);
        await SignedInClient.AddUserAsync(app, "amira", UserRole.Admin, "en");
        await SignInAsync(app, "amira");
        var masterKey = Assert.Single(app.Services.GetRequiredService<DatabaseKeyRepository>().GetAllElements())
            .Descendants("masterKey").Single().Element("value")!.Value;
        await using var connection = await database.OpenConnectionAsync();

        Assert.StartsWith("hl2:test1:", await connection.ExecuteScalarTextAsync("SELECT XmlCipher FROM DataProtectionKeys"));
        var files = Directory.EnumerateFiles(database.Folder, "hotline.db*").ToList();
        Assert.Contains(database.SqliteFile + "-wal", files);
        Assert.DoesNotContain(files, file => Contains(file, "<key") || Contains(file, masterKey));
    }

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

    private static bool Contains(string file, string text)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
