using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// Forwarded headers are believed only from a configured proxy: then the client's address is the one audited and
/// counted by the sign-in rate limit; from anyone else the headers change nothing. Over real HTTP on 127.0.0.1.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task From_a_trusted_proxy_the_forwarded_address_is_audited_and_rate_limited()
    {
        await using var app = OnKestrel("Hotline:Proxy:KnownProxies", "127.0.0.1");
        using var http = Browser(app);

        var statuses = new[]
        {
            await WrongSignInAsync(http, "203.0.113.7"), await WrongSignInAsync(http, "203.0.113.7"),
            await WrongSignInAsync(http, "203.0.113.7"), await WrongSignInAsync(http, "203.0.113.8"),
        };

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.Redirect], statuses);
        Assert.Equal(["203.0.113.7", "203.0.113.7", "203.0.113.8"], await AuditedAddressesAsync(app));
    }

    [Fact]
    public async Task From_an_untrusted_address_the_forwarded_header_is_ignored()
    {
        await using var app = OnKestrel("Hotline:Proxy:KnownNetworks", "10.9.0.0/16");
        using var http = Browser(app);

        var statuses = new[]
        {
            await WrongSignInAsync(http, "203.0.113.7"), await WrongSignInAsync(http, "203.0.113.8"), await WrongSignInAsync(http, "203.0.113.9"),
        };

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(["127.0.0.1", "127.0.0.1"], await AuditedAddressesAsync(app));
    }

    [Fact]
    public async Task With_no_proxy_configured_no_forwarded_header_is_believed()
    {
        await using var app = OnKestrel("Hotline:Proxy:KnownProxies", "");
        using var http = Browser(app);

        await WrongSignInAsync(http, "203.0.113.7");

        Assert.Equal(["127.0.0.1"], await AuditedAddressesAsync(app));
    }

    [Fact]
    public async Task Outside_Development_the_session_cookie_is_Secure_and_host_prefixed_even_over_plain_http()
    {
        await using var app = HotlineApp.InProduction(new Dictionary<string, string?> { ["Hotline:Auth:RequireTwoFactor"] = "false" });
        await SignedInClient.AddUserAsync(app, "amina", UserRole.Caseworker, "ar");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });

        var antiforgery = await http.GetAsync("/api/antiforgery", Ct);
        var antiforgeryCookie = antiforgery.Headers.GetValues("Set-Cookie").Single();
        var token = (await antiforgery.Content.ReadFromJsonAsync<Hotline.Api.Auth.SessionEndpoints.AntiforgeryView>(Ct))!.Token;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/console/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "amina", ["password"] = SignedInClient.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        var signedIn = await http.SendAsync(signIn, Ct);
        var sessionCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("hotline.session=", StringComparison.Ordinal));

        Assert.Equal("/console/", signedIn.Headers.Location?.ToString());
        Assert.Equal("__Host-hotline.session", Parts(sessionCookie).Name);
        Assert.Equal("path=/; secure; samesite=strict; httponly", Parts(sessionCookie).Attributes);
    }

    private static (string Name, string Attributes) Parts(string setCookie) =>
        (setCookie.Split('=')[0], string.Join("; ", setCookie.Split("; ").Skip(1)).ToLowerInvariant());

    /// <summary>A Development host on a real port, with room for two sign-in attempts a minute per client address.</summary>
    private static HotlineApp OnKestrel(string key, string value)
    {
        var app = new HotlineApp(new Dictionary<string, string?> { [key] = value, ["Hotline:Auth:SignInsPerAddressPerMinute"] = "2" });
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    private static HttpClient Browser(HotlineApp app) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
    };

    /// <summary>A sign-in with a wrong password, as a proxy would forward it for the client at <paramref name="clientAddress"/>.</summary>
    private static async Task<HttpStatusCode> WrongSignInAsync(HttpClient http, string clientAddress)
    {
        var token = (await http.GetFromJsonAsync<Hotline.Api.Auth.SessionEndpoints.AntiforgeryView>("/api/antiforgery", Ct))!.Token;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/console/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "nobody", ["password"] = "not the password", ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static async Task<List<string>> AuditedAddressesAsync(HotlineApp app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientAddress FROM AuditEntries WHERE Action = 'signin.failed' ORDER BY Sequence";
        var addresses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            addresses.Add(reader.GetString(0));
        }

        return addresses;
    }
}
