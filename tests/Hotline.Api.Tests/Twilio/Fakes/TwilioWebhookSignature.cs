using System.Security.Cryptography;
using System.Text;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>Twilio's webhook signature, computed here independently of the product's code: HMAC-SHA1 over the URL and the fields sorted by name.</summary>
public static class TwilioWebhookSignature
{
    public static string Sign(string authToken, string url, IReadOnlyDictionary<string, string> fields)
    {
        var data = new StringBuilder(url);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(field.Key).Append(field.Value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }
}
