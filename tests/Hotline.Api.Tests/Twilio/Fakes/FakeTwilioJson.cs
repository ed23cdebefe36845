using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>Twilio's JSON shapes for the Messages resource, its list pages and its errors.</summary>
internal static class FakeTwilioJson
{
    // Twilio writes "+" and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Gsm7 =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿" +
        "abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extension = "\f^{}\\[~]|€";

    public static string MessagesPath(string accountSid) => $"/2010-04-01/Accounts/{accountSid}/Messages.json";

    public static string MessagePath(string accountSid, string sid) => $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json";

    /// <summary>RFC 2822 in GMT, as Twilio writes every date of the 2010-04-01 API.</summary>
    public static string Rfc2822(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static JsonObject Message(string accountSid, StoredMessage message)
    {
        var date = Rfc2822(message.Created);
        return new JsonObject
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = message.Body,
            ["date_created"] = date,
            ["date_sent"] = date,
            ["date_updated"] = date,
            ["direction"] = message.Direction,
            ["error_code"] = message.ErrorCode,
            ["error_message"] = null,
            ["from"] = message.From,
            ["messaging_service_sid"] = message.MessagingServiceSid,
            ["num_media"] = message.NumMedia.ToString(CultureInfo.InvariantCulture),
            ["num_segments"] = Segments(message.Body).ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = message.Sid,
            ["status"] = message.Status,
            ["subresource_uris"] = new JsonObject
            {
                ["media"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}/Media.json",
                ["feedback"] = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}/Feedback.json",
            },
            ["to"] = message.To,
            ["uri"] = MessagePath(accountSid, message.Sid),
        };
    }

    public static JsonObject Page(
        string accountSid, IReadOnlyList<StoredMessage> messages, int page, int pageSize, int start,
        string query, string firstQuery, string? nextQuery)
    {
        var path = MessagesPath(accountSid);
        return new JsonObject
        {
            ["end"] = messages.Count == 0 ? start : start + messages.Count - 1,
            ["first_page_uri"] = $"{path}?{firstQuery}",
            ["messages"] = new JsonArray(messages.Select(m => (JsonNode)Message(accountSid, m)).ToArray()),
            ["next_page_uri"] = nextQuery is null ? null : $"{path}?{nextQuery}",
            ["page"] = page,
            ["page_size"] = pageSize,
            ["previous_page_uri"] = null,
            ["start"] = start,
            ["uri"] = $"{path}?{query}",
        };
    }

    public static JsonObject Error(int code, string message, int status) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options);

    /// <summary>Segments as a carrier counts them: GSM-7 160 (153 per part), otherwise UCS-2 70 (67).</summary>
    public static int Segments(string body)
    {
        if (body.Length == 0)
        {
            return 1;
        }

        var septets = 0;
        foreach (var c in body)
        {
            if (Gsm7.Contains(c))
            {
                septets += 1;
            }
            else if (Gsm7Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return body.Length <= 70 ? 1 : (body.Length + 66) / 67;
            }
        }

        return septets <= 160 ? 1 : (septets + 152) / 153;
    }
}
