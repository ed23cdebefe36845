using System.Net.Http.Headers;
using Hotline.Api.Media;

namespace Hotline.Api.PhoneSimulator;

/// <summary>
/// Development only: the photos the simulator sent, held as Twilio holds a message's media until it is deleted, keyed by
/// the media's sid. Kept in memory: a photo sent before a restart is gone, as an MMS whose media Twilio lost.
/// </summary>
public sealed class SimulatedTwilioMedia
{
    private readonly ConcurrentDictionary<string, (string MessageSid, SamplePhoto Photo)> _held = new(StringComparer.Ordinal);

    public void Hold(string messageSid, string mediaSid, SamplePhoto photo) => _held[mediaSid] = (messageSid, photo);

    public SamplePhoto? Find(string messageSid, string mediaSid) =>
        _held.TryGetValue(mediaSid, out var held) && held.MessageSid == messageSid ? held.Photo : null;

    public bool Delete(string messageSid, string mediaSid) =>
        Find(messageSid, mediaSid) is not null && _held.TryRemove(mediaSid, out _);
}

/// <summary>
/// Development only: Twilio's Media resource as the media job calls it (<see cref="SimulatorMediaOrigin"/>), on this host:
/// GET serves a photo the simulator sent, DELETE removes it, both behind the simulator account's HTTP Basic credentials,
/// and an unknown photo is Twilio's own 404 (code 20404), so the job's fetch, its check of the file and its deletion of
/// "Twilio's copy" all run as they do against Twilio.
/// </summary>
public static class SimulatedTwilioMediaEndpoints
{
    private const string MediaPath = "/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}/Media/{mediaSid}";

    public static IEndpointRouteBuilder MapSimulatedTwilioMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup(SimulatorMediaOrigin.BasePath).WithTags("Simulator (Development)").ExcludeFromDescription();
        twilio.MapGet(MediaPath, GetMedia).WithName("GetSimulatedTwilioMedia").WithSummary("A photo the phone simulator sent, as Twilio serves a message's media (Development).");
        twilio.MapDelete(MediaPath + ".json", DeleteMedia).WithName("DeleteSimulatedTwilioMedia").WithSummary("Deletes a photo the phone simulator sent, as Twilio deletes a message's media (Development).");
        return app;
    }

    public static IResult GetMedia(string accountSid, string messageSid, string mediaSid, HttpRequest request, SimulatedTwilioMedia held,
        IOptions<TwilioOptions> twilio)
    {
        if (!Authorised(request, accountSid, twilio.Value))
        {
            return TwilioError(StatusCodes.Status401Unauthorized, 20003, "Authenticate");
        }

        return held.Find(messageSid, mediaSid) is { } photo
            ? Results.Bytes(photo.Bytes, photo.ContentType)
            : TwilioError(StatusCodes.Status404NotFound, 20404, "The requested resource was not found");
    }

    public static IResult DeleteMedia(string accountSid, string messageSid, string mediaSid, HttpRequest request, SimulatedTwilioMedia held,
        IOptions<TwilioOptions> twilio)
    {
        if (!Authorised(request, accountSid, twilio.Value))
        {
            return TwilioError(StatusCodes.Status401Unauthorized, 20003, "Authenticate");
        }

        return held.Delete(messageSid, mediaSid)
            ? Results.NoContent()
            : TwilioError(StatusCodes.Status404NotFound, 20404, "The requested resource was not found");
    }

    /// <summary>The simulator's account in the path and its credentials in the header, as Twilio asks for its own.</summary>
    private static bool Authorised(HttpRequest request, string accountSid, TwilioOptions twilio)
    {
        var expected = Encoding.UTF8.GetBytes($"{SimulatorEndpoints.DevelopmentAccountSid}:{twilio.AuthToken}");
        return accountSid == SimulatorEndpoints.DevelopmentAccountSid
            && AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && header.Scheme == "Basic"
            && TryDecode(header.Parameter, out var given)
            && CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static bool TryDecode(string? base64, out byte[] decoded)
    {
        decoded = new byte[base64?.Length ?? 0];
        if (base64 is null || !Convert.TryFromBase64String(base64, decoded, out var length))
        {
            return false;
        }

        decoded = decoded[..length];
        return true;
    }

    /// <summary>Twilio's JSON error, as the media job reads it (its not-found code tells "gone" from a wrong address).</summary>
    private static IResult TwilioError(int status, int code, string message) =>
        Results.Json(new { code, message, more_info = $"https://www.twilio.com/docs/errors/{code}", status }, statusCode: status);
}
