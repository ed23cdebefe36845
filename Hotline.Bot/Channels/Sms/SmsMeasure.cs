namespace Hotline.Bot.Channels.Sms;

/// <summary>What a text costs as SMS. <paramref name="Characters"/> is the length in UTF-16 code units, which is
/// what Twilio's 1,600-character limit counts; <paramref name="SeptetsOrUnits"/> is the payload in the chosen
/// encoding (an extension character is two septets).</summary>
public sealed record SmsMeasure(SmsEncoding Encoding, int Characters, int Segments, int SeptetsOrUnits);
