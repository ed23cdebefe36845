using Twilio.Security;

namespace Hotline.Api.Twilio;

/// <summary>
/// Checks X-Twilio-Signature with the SDK's validator over every field received, against the URL built
/// from the configured public base URL. The request's Host and X-Forwarded-* headers are never used:
/// whoever sends the request controls them.
/// </summary>
public sealed class TwilioSignature(IOptions<TwilioOptions> twilio, IOptions<HotlineOptions> hotline)
{
    public const string Header = "X-Twilio-Signature";

    private readonly RequestValidator _validator = new(twilio.Value.AuthToken ?? "");

    public bool IsValid(HttpRequest request, IReadOnlyDictionary<string, string> fields)
    {
        var signature = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(twilio.Value.AuthToken))
        {
            return false;
        }

        var url = hotline.Value.PublicUrl(request.Path + request.QueryString);
        return _validator.Validate(url, fields.ToDictionary(), signature);
    }

    /// <summary>Twilio's scheme (HMAC-SHA1 over the URL and the fields sorted by name), for the simulator to sign as Twilio does.</summary>
    public static string Compute(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
