namespace Hotline.Bot.Channels;

/// <summary>What a channel looks like to whoever reads the person's screen.</summary>
public static class ChannelTraits
{
    /// <summary>
    /// The person writes from a phone number to one (SMS, WhatsApp): a thread like any contact's, so a reply can pass for an
    /// ordinary contact's ("Sorry, wrong number."). A chat is with the hotline's bot, under its name, in a window the person
    /// opened: no reply there passes for anyone else's, and a "wrong number" in it would stand out.
    /// </summary>
    public static bool IsPhoneNumber(this Channel channel) => channel is Channel.Sms or Channel.WhatsApp;
}
