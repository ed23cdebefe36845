namespace Hotline.Api.Twilio;

/// <summary>
/// The approved WhatsApp template sent when a caseworker answers after WhatsApp's 24-hour window has closed
/// (<c>Twilio:WhatsApp:*</c>). Without one, such a reply is refused with the reason. The template must be
/// neutral: the person's phone may be read by someone else (docs/casework.md).
/// </summary>
public sealed class WhatsAppTemplateOptions
{
    /// <summary>The template's Content SID at Twilio: <c>HX</c> and 32 hexadecimal characters.</summary>
    public string? ReengageContentSid { get; set; }

    /// <summary>The template's variables as Twilio takes them, a JSON object of strings (<c>{"1":"..."}</c>); none when unset.</summary>
    public string? ReengageContentVariables { get; set; }

    public bool SendsTemplate => !string.IsNullOrWhiteSpace(ReengageContentSid);
}
