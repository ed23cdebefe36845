using Twilio.Exceptions;

namespace Hotline.Api.Twilio;

/// <summary>
/// What is kept of an error Twilio answered: its HTTP status, its code and a fixed meaning written here.
/// Twilio's own message text is never kept, stored, pushed or logged: it can quote the number the message
/// was for ("The 'To' number +977... is not a valid phone number").
/// </summary>
public static class TwilioErrors
{
    /// <summary>WhatsApp refused free text: the person last wrote more than 24 hours ago. The reply is held, never retried blindly.</summary>
    public const int WhatsAppWindowClosed = 63016;

    /// <summary>Twilio's own "not found": a 404 with any other code (a wrong API address, a proxy) is no proof a resource is gone.</summary>
    public const int NotFound = 20404;

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [20003] = "authentication failed",
        [20009] = "the message is still being processed",
        [NotFound] = "not found",
        [20429] = "too many requests",
        [21211] = "the recipient's number is not valid",
        [21408] = "sending to that region is not enabled",
        [21606] = "the sending number cannot send to that recipient",
        [21608] = "a trial account can only send to verified numbers",
        [21610] = "the recipient has opted out with STOP",
        [21612] = "the message cannot be routed to that number",
        [21614] = "the recipient's number is not a mobile number",
        [21617] = "the message is longer than 1,600 characters",
        [30003] = "the handset is unreachable",
        [30005] = "the number is unknown or no longer exists",
        [30006] = "the number cannot receive SMS (a landline, or an unreachable carrier)",
        [30007] = "the carrier filtered the message",
        [30008] = "unknown delivery error",
        [WhatsAppWindowClosed] = "WhatsApp: outside the 24-hour window, a template is needed",
    };

    /// <summary>"Twilio answered 400 (code 21211: the recipient's number is not valid)".</summary>
    public static string Describe(ApiException exception) =>
        $"Twilio answered {exception.Status} (code {exception.Code}{Meaning(exception.Code)})";

    /// <summary>A status callback's ErrorCode, with its fixed meaning when known.</summary>
    public static string DescribeCode(string code) =>
        int.TryParse(code, out var number) ? $"Twilio error {number}{Meaning(number)}" : "Twilio error (an unreadable code)";

    /// <summary>Whether a status callback's ErrorCode is <see cref="WhatsAppWindowClosed"/>.</summary>
    public static bool IsWhatsAppWindowClosed(string? code) =>
        int.TryParse(code, out var number) && number == WhatsAppWindowClosed;

    /// <summary>": authentication failed" for a known code, nothing for another.</summary>
    public static string MeaningOf(int code) => Meaning(code);

    private static string Meaning(int code) => Meanings.TryGetValue(code, out var meaning) ? $": {meaning}" : "";
}
