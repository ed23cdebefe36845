using System.Net;
using System.Net.Http.Json;
using Hotline.Api.Casework;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>A person signed in to the console through the real sign-in form: a cookie, an antiforgery token, and a hub connection when asked.</summary>
public sealed class SignedInClient
{
    public const string Password = "correct horse battery staple";

    private SignedInClient(HotlineApp app, HttpClient http, User user, string antiforgeryToken, string cookie)
    {
        App = app;
        Http = http;
        User = user;
        AntiforgeryToken = antiforgeryToken;
        Cookie = cookie;
    }

    public HotlineApp App { get; }

    public HttpClient Http { get; }

    public User User { get; }

    public string AntiforgeryToken { get; }

    public string Cookie { get; }

    public static async Task<User> AddUserAsync(HotlineApp app, string name, UserRole role, params string[] languages)
    {
        var (user, error) = await app.Services.GetRequiredService<UserAccounts>()
            .AddAsync(name, role, languages, Password, TestContext.Current.CancellationToken);
        return user ?? throw new InvalidOperationException(error);
    }

    /// <summary>A browser reaching the host over https, as it does behind the proxy: outside Development every cookie is Secure.</summary>
    public static HttpClient NewBrowser(HotlineApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    /// <summary>Posts the sign-in form as the page does: antiforgery token first, then name and password.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var token = (await http.GetFromJsonAsync<Hotline.Api.Auth.SessionEndpoints.AntiforgeryView>("/api/antiforgery", ct))!.Token;
        return await http.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }), ct);
    }

    public static Task<SignedInClient> SignInAsync(HotlineApp app, User user) => SignInAsync(app, user, Password);

    /// <summary>Signs in as a newcomer does with a one-time password: chooses <paramref name="ownPassword"/>, then signs in with it.</summary>
    public static async Task<SignedInClient> SignInChoosingPasswordAsync(HotlineApp app, User user, string oneTimePassword, string ownPassword)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = NewBrowser(app);
        var signIn = await PostSignInAsync(browser, user.UserName, oneTimePassword);
        Assert.Equal(Hotline.Api.Users.PasswordEndpoints.ChoosePage, signIn.Headers.Location?.ToString());
        var pending = await browser.GetFromJsonAsync<Hotline.Api.Users.PasswordEndpoints.PendingChangeView>("/api/password-change", ct);
        browser.DefaultRequestHeaders.Add("X-CSRF-TOKEN", pending!.AntiforgeryToken);
        var chosen = await browser.PostAsJsonAsync("/api/password-change", new Hotline.Api.Users.PasswordEndpoints.ChosenPassword(ownPassword), ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        return await SignInAsync(app, user, ownPassword);
    }

    public static async Task<SignedInClient> SignInAsync(HotlineApp app, User user, string password)
    {
        var http = NewBrowser(app);
        var response = await PostSignInAsync(http, user.UserName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode} {response.Headers.Location}");
        }

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("hotline.session=", StringComparison.Ordinal)).Split(';')[0];
        var session = await http.GetFromJsonAsync<Hotline.Api.Auth.SessionEndpoints.SessionView>("/api/session", TestContext.Current.CancellationToken);
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", session!.AntiforgeryToken);
        return new SignedInClient(app, http, user, session.AntiforgeryToken, cookie);
    }

    /// <summary>
    /// A real SignalR client over the test server (long polling), carrying the session cookie; with <paramref name="page"/>,
    /// connected as that console page (<see cref="CaseHub.PageParameter"/>), as the console's pages always are.
    /// </summary>
    public HubConnection Hub(string? origin = null, Guid? page = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Server.BaseAddress, page is null ? "hubs/cases" : $"hubs/cases?{CaseHub.PageParameter}={page}"), options =>
        {
            options.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.Headers["Cookie"] = Cookie;
            if (origin is not null)
            {
                options.Headers["Origin"] = origin;
            }
        })
        .AddJsonProtocol(json => CaseChangeJson.Configure(json.PayloadSerializerOptions))
        .Build();

    /// <summary>
    /// A real SignalR client over one WebSocket carrying the session cookie: its calls reach the hub without a
    /// new HTTP request each, as a browser's do, so they meet the hub's own checks rather than the cookie's.
    /// </summary>
    public HubConnection WebSocketHub() => new HubConnectionBuilder()
        .WithUrl(new Uri(App.Server.BaseAddress, "hubs/cases"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = async (context, cancellationToken) =>
            {
                var client = App.Server.CreateWebSocketClient();
                client.ConfigureRequest = request => request.Headers.Cookie = Cookie;
                return await client.ConnectAsync(context.Uri, cancellationToken);
            };
        })
        .AddJsonProtocol(json => CaseChangeJson.Configure(json.PayloadSerializerOptions))
        .Build();
}
