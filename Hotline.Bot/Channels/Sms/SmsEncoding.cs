namespace Hotline.Bot.Channels.Sms;

/// <summary>How a carrier packs an SMS: GSM-7 septets when every character has one, UCS-2 otherwise.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
