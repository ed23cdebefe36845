namespace Hotline.Bot.Channels;

/// <summary>The ways a person reaches the hotline. Each is its own address space: one number on SMS and on
/// WhatsApp is two conversations, since the person may hold one app and not the other.</summary>
public enum Channel
{
    Sms,
    WhatsApp,
    Chat,
}
