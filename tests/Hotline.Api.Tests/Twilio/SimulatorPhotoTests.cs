using System.Net;
using System.Net.Http.Json;
using Hotline.Api.Casework;
using Hotline.Api.PhoneSimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Hotline.Api.Tests.Twilio;

/// <summary>
/// Development only: the phone simulator sends a sample photo the way Twilio delivers an MMS, and the media job fetches it
/// from the host's own Twilio stand-in. Outside Development that origin does not exist.
/// </summary>
public sealed class SimulatorPhotoTests
{
    private const string Phone = "+9779800000708";

    [Fact]
    public async Task The_simulators_photo_webhook_carries_the_media_fields_as_twilio_sends_an_mms()
    {
        await using var app = await StartOnAPortAsync();

        var signed = await SignAsync(app.CreateClient(), "this is the door", "door");

        Assert.Matches("^MM[0-9a-f]{32}$", signed.Fields["MessageSid"]);
        Assert.Equal(("1", "image/jpeg"), (signed.Fields["NumMedia"], signed.Fields["MediaContentType0"]));
        Assert.Matches(
            $"^https://api\\.twilio\\.com/2010-04-01/Accounts/AC0{{32}}/Messages/{signed.Fields["MessageSid"]}/Media/ME[0-9a-f]{{32}}$",
            signed.Fields["MediaUrl0"]);
    }

    [Fact]
    public async Task A_photo_sent_from_the_simulator_is_kept_and_the_case_view_shows_its_gps()
    {
        await using var app = await StartOnAPortAsync();
        var client = app.CreateClient();
        await SendAsync(client, "hello", photo: null);
        await SendAsync(client, "0", photo: null);

        await SendAsync(client, "this is the door they lock", "door");
        await app.FetchMediaAsync();

        Assert.Equal("Kept", await app.ScalarAsync("SELECT Status FROM MediaItems"));
        var caseId = await app.ScalarAsync("SELECT CaseId FROM Messages WHERE Id = (SELECT MessageId FROM MediaItems)");
        var detail = await (await SupervisorAsync(app)).GetFromJsonAsync<CaseDetail>($"/api/cases/{caseId}", Ct);
        var photo = Assert.Single(detail!.Transcript.SelectMany(m => m.Attachments ?? []));
        Assert.Equal(("Kept", "image/jpeg", true), (photo.Status, photo.ContentType, photo.HasView));
        Assert.Equal(new MediaEvidence("2026-11-28 09:15:42", 25.2048, 55.2708, 12, "Hotline", "Phone simulator"), photo.Evidence! with
        {
            Latitude = Math.Round(photo.Evidence!.Latitude!.Value, 6),
            Longitude = Math.Round(photo.Evidence.Longitude!.Value, 6),
        });
    }

    [Fact]
    public async Task Once_kept_the_simulators_copy_is_deleted_as_twilios_would_be()
    {
        await using var app = await StartOnAPortAsync();
        var client = app.CreateClient();
        var signed = await SignAsync(client, "", "payslip");
        await PostAsync(client, signed);

        await app.FetchMediaAsync();

        Assert.Equal("Kept", await app.ScalarAsync("SELECT Status FROM MediaItems"));
        using var fetchAgain = new HttpRequestMessage(HttpMethod.Get, StandInUrl(app, signed.Fields["MediaUrl0"]));
        fetchAgain.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SimulatorEndpoints.DevelopmentAccountSid}:simulator-token")));
        using var gone = await client.SendAsync(fetchAgain, Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_stand_in_refuses_a_fetch_without_the_simulators_credentials()
    {
        await using var app = await StartOnAPortAsync();
        var client = app.CreateClient();
        var signed = await SignAsync(client, "", "door");

        using var response = await client.GetAsync(StandInUrl(app, signed.Fields["MediaUrl0"]), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task With_a_twilio_account_configured_the_simulator_offers_no_photo_and_signs_none()
    {
        await using var app = new HotlineApp(DevelopmentSettings(("Twilio:AccountSid", "AC" + new string('1', 32)),
            ("Twilio:ApiBaseUrl", "http://127.0.0.1:9"), ("Twilio:PhoneNumber", "+15005550006")));
        var client = app.CreateClient();

        var choices = await client.GetFromJsonAsync<SimulatorEndpoints.PhotoChoices>("/simulator/photos", Ct);
        using var signing = await client.PostAsJsonAsync("/simulator/sms/sign", new SimulatorEndpoints.SignRequest(Phone, "", false, "door"), Ct);

        Assert.Empty(choices!.Photos);
        Assert.Equal("Photos need Hotline:Media:SimulatorPhotos (appsettings.Development.json) and no Twilio account configured.", choices.Unavailable);
        Assert.Equal(HttpStatusCode.BadRequest, signing.StatusCode);
    }

    /// <summary>
    /// The start refuses the option outside Development (StartupErrorTests); were it on all the same, the fetcher would have
    /// no origin for the simulator's links: the same link is then refused unfetched, as any that is not the account's own.
    /// </summary>
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_development_the_simulators_origin_does_not_exist_even_with_the_option_on(string environment)
    {
        var origin = Origin(environment, accountSid: null);

        Assert.Equal((false, null), (origin.InForce, origin.TwilioBaseUrl));
        Assert.Null(MediaOrigin.Of(SimulatorLink(), new TwilioOptions { AuthToken = "token" }, origin.TwilioBaseUrl));
    }

    [Fact]
    public void In_development_with_no_twilio_account_the_simulators_link_is_fetched_from_the_host_itself()
    {
        var origin = Origin("Development", accountSid: null);

        var fetched = Assert.IsType<MediaOrigin.TwilioMedia>(
            MediaOrigin.Of(SimulatorLink(), new TwilioOptions { AuthToken = "token" }, origin.TwilioBaseUrl));
        Assert.Equal(
            $"http://localhost:5238/simulator/twilio/2010-04-01/Accounts/{SimulatorEndpoints.DevelopmentAccountSid}/Messages/MM{new string('a', 32)}/Media/ME{new string('b', 32)}",
            fetched.FetchUrl.ToString());
    }

    [Fact]
    public void In_development_with_a_twilio_account_the_simulators_origin_does_not_exist()
    {
        Assert.Null(Origin("Development", accountSid: "AC" + new string('1', 32)).TwilioBaseUrl);
    }

    [Fact]
    public async Task A_production_host_refuses_the_simulators_photo_link_unfetched()
    {
        await using var app = HotlineApp.InProduction(new Dictionary<string, string?> { ["Hotline:Media:RunFetcher"] = "false" });
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = $"MM{new string('a', 32)}",
            ["AccountSid"] = SimulatorEndpoints.DevelopmentAccountSid,
            ["From"] = Phone,
            ["To"] = "+15005550006",
            ["Body"] = "",
            ["NumMedia"] = "1",
            ["MediaUrl0"] = SimulatorLink().Url,
            ["MediaContentType0"] = "image/jpeg",
        };
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/twilio/sms") { Content = new FormUrlEncodedContent(fields) };
        webhook.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute("token", "https://hotline.example.org/twilio/sms", fields));
        (await app.CreateClient().SendAsync(webhook, Ct)).EnsureSuccessStatusCode();

        await app.FetchMediaAsync();

        Assert.Equal("NotKept", await app.ScalarAsync("SELECT Status FROM MediaItems"));
    }

    private static MediaSource SimulatorLink() => new(
        $"https://api.twilio.com/2010-04-01/Accounts/{SimulatorEndpoints.DevelopmentAccountSid}/Messages/MM{new string('a', 32)}/Media/ME{new string('b', 32)}",
        "image/jpeg", null);

    /// <summary>The gate as a host in <paramref name="environment"/> would build it, with the option on and the host listening on 5238.</summary>
    private static SimulatorMediaOrigin Origin(string environment, string? accountSid) => new(
        new HostingEnvironment { EnvironmentName = environment },
        Options.Create(new MediaOptions { SimulatorPhotos = true }),
        Options.Create(new TwilioOptions { AccountSid = accountSid, AuthToken = "token" }),
        new ListeningServer("http://localhost:5238"));

    private static Dictionary<string, string?> DevelopmentSettings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hotline:PublicBaseUrl"] = "http://localhost:5238",
            ["Twilio:AuthToken"] = "simulator-token",
            ["Hotline:Media:SimulatorPhotos"] = "true",
            ["Hotline:Media:RunFetcher"] = "false",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The Development host on a real port of 127.0.0.1: the media job fetches the simulator's photos from it over HTTP.</summary>
    private static Task<HotlineApp> StartOnAPortAsync()
    {
        var app = new HotlineApp(DevelopmentSettings());
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return Task.FromResult(app);
    }

    /// <summary>
    /// A supervisor's browser over the host's plain-http port (Development's cookies are not Secure there), signed in through
    /// the form: <see cref="SignedInClient"/> reaches a host in memory over https.
    /// </summary>
    private static async Task<HttpClient> SupervisorAsync(HotlineApp app)
    {
        var user = await SignedInClient.AddUserAsync(app, "sam", UserRole.Supervisor, "en");
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            HandleCookies = true,
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
        });
        var signIn = await SignedInClient.PostSignInAsync(browser, user.UserName, SignedInClient.Password);
        // Over a real port the client follows the redirect itself: signed in, it lands on the console, not on the form's error.
        Assert.Equal((HttpStatusCode.OK, "/console/"), (signIn.StatusCode, signIn.RequestMessage!.RequestUri!.PathAndQuery));
        return browser;
    }

    private static string StandInUrl(HotlineApp app, string twilioLink) =>
        app.Services.GetRequiredService<SimulatorMediaOrigin>().TwilioBaseUrl + new Uri(twilioLink).AbsolutePath;

    private static async Task<SimulatorEndpoints.SignedWebhook> SignAsync(HttpClient client, string body, string? photo)
    {
        using var response = await client.PostAsJsonAsync("/simulator/sms/sign", new SimulatorEndpoints.SignRequest(Phone, body, false, photo), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SimulatorEndpoints.SignedWebhook>(Ct))!;
    }

    private static async Task SendAsync(HttpClient client, string body, string? photo) => await PostAsync(client, await SignAsync(client, body, photo));

    /// <summary>Posts the signed webhook to /twilio/sms as the page does.</summary>
    private static async Task PostAsync(HttpClient client, SimulatorEndpoints.SignedWebhook signed)
    {
        using var webhook = new HttpRequestMessage(HttpMethod.Post, signed.Url) { Content = new FormUrlEncodedContent(signed.Fields) };
        webhook.Headers.Add("X-Twilio-Signature", signed.Signature);
        (await client.SendAsync(webhook, Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>A server that only says where it listens: what <see cref="SimulatorMediaOrigin"/> reads of the host's.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
