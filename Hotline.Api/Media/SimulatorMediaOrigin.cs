using Hotline.Api.PhoneSimulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hotline.Api.Media;

/// <summary>
/// Development only: where the media job fetches the phone simulator's photos. The simulator's webhook carries a Twilio
/// link, exactly as Twilio's does, naming the simulator's account (<see cref="SimulatorEndpoints.DevelopmentAccountSid"/>);
/// with no Twilio account configured, that link is fetched (with the simulator's Basic credentials, and deleted after) from
/// this host's own Twilio stand-in (<see cref="SimulatedTwilioMediaEndpoints"/>) instead of Twilio:ApiBaseUrl. Outside
/// Development, with Hotline:Media:SimulatorPhotos off, or with an account configured, there is no such origin and the
/// link is refused like any other that is not this hotline's account's.
/// </summary>
public sealed class SimulatorMediaOrigin(IHostEnvironment environment, IOptions<MediaOptions> media, IOptions<TwilioOptions> twilio, IServer server)
{
    /// <summary>Where the stand-in answers Twilio's media paths on this host.</summary>
    public const string BasePath = "/simulator/twilio";

    /// <summary>Whether the simulator's photos can be sent and fetched (the host's own address aside).</summary>
    public bool InForce => environment.IsDevelopment() && media.Value.SimulatorPhotos && !twilio.Value.SendsThroughTwilio;

    /// <summary>The stand-in's base on this host's own listening address (http preferred), or null when not in force or not listening.</summary>
    public string? TwilioBaseUrl => InForce && OwnAddress() is { } address ? address + BasePath : null;

    private string? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null || !Uri.TryCreate(chosen.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
        {
            return null;
        }

        // A host listening on every interface is reached on its loopback.
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
