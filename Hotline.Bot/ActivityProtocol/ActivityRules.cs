using System.Text;

namespace Hotline.Bot.ActivityProtocol;

/// <summary>
/// What an activity must carry for the hotline to act on it, and the bounds that keep it storable. A field
/// the protocol marks as required (type, channelId, serviceUrl, conversation.id, from.id) or that a reply
/// needs (id, recipient.id) refuses the activity when missing; an optional field that is malformed (a
/// locale that is not a language tag, an attachment that is not an https link) is ignored instead, so a
/// person's message is never refused over decoration.
/// </summary>
public static partial class ActivityRules
{
    public const int MaxIdLength = 512;

    /// <summary>The person's address ("{channelId}:{from.id}") is stored encrypted in a bounded column; 200 bytes fits any channel's user ids.</summary>
    public const int MaxUserIdBytes = 200;

    public const int MaxTextLength = 20_000;
    public const int MaxNameLength = 256;
    public const int MaxServiceUrlLength = 512;
    public const int MaxAttachments = 10;
    public const int MaxMembersAdded = 50;

    public static bool TryValidate(Activity raw, out ReceivedActivity activity, out string error)
    {
        activity = null!;
        error = Problem(raw) ?? "";
        if (error.Length > 0 || !TryServiceUrl(raw.ServiceUrl, out var serviceUrl, out error))
        {
            return false;
        }

        var handled = ActivityTypes.IsHandled(raw.Type!);
        activity = new ReceivedActivity(
            raw.Type!,
            raw.Id,
            serviceUrl,
            raw.ChannelId!,
            Party(raw.From!)!,
            raw.Recipient is null ? null : Party(raw.Recipient),
            raw.Conversation!.Id!,
            raw.Conversation.IsGroup == true,
            handled ? raw.Text ?? "" : "",
            raw.Locale is { Length: <= 35 } locale && LocalePattern().IsMatch(locale) ? locale : null,
            (raw.MembersAdded ?? []).Select(Party).OfType<ChatParty>().Take(MaxMembersAdded).ToList(),
            Attachments(raw.Attachments));
        return true;
    }

    /// <summary>
    /// A service URL the hotline may send to: https, or http on a loopback address (the tests' local
    /// connector and the Development simulator). A bearer token never travels in clear over a network.
    /// </summary>
    public static bool TryServiceUrl(string? value, out Uri url, out string error)
    {
        url = null!;
        error = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "serviceUrl is required.";
        }
        else if (value.Length > MaxServiceUrlLength || !Uri.TryCreate(value, UriKind.Absolute, out var parsed))
        {
            error = "serviceUrl must be an absolute URL.";
        }
        else if (!(parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback)))
        {
            error = "serviceUrl must be https.";
        }
        else if (parsed.UserInfo.Length > 0 || parsed.Query.Length > 0 || parsed.Fragment.Length > 0)
        {
            error = "serviceUrl must not carry user info, a query or a fragment.";
        }
        else
        {
            url = parsed;
        }

        return error.Length == 0;
    }

    private static string? Problem(Activity raw) => raw switch
    {
        { Type: null or "" } => "type is required.",
        { Type.Length: > 64 } => "type is longer than 64 characters.",
        { ChannelId: null or "" } => "channelId is required.",
        _ when !ChannelIdPattern().IsMatch(raw.ChannelId!) => "channelId must be 1 to 32 letters, digits, '.', '_' or '-'.",
        { Conversation: null } => "conversation is required.",
        { Conversation.Id: null or "" } => "conversation.id is required.",
        { Conversation.Id.Length: > MaxIdLength } => $"conversation.id is longer than {MaxIdLength} characters.",
        { From: null } => "from is required.",
        { From.Id: null or "" } => "from.id is required.",
        _ when Encoding.UTF8.GetByteCount(raw.From!.Id!) > MaxUserIdBytes => $"from.id is longer than {MaxUserIdBytes} bytes.",
        { Id.Length: > MaxIdLength } => $"id is longer than {MaxIdLength} characters.",
        { Recipient.Id.Length: > MaxIdLength } => $"recipient.id is longer than {MaxIdLength} characters.",
        { Text.Length: > MaxTextLength } => $"text is longer than {MaxTextLength} characters.",
        _ when !ActivityTypes.IsHandled(raw.Type!) => null,
        { Id: null or "" } => $"id is required on a {raw.Type} activity: it is how a repeated delivery is recognised and how the reply is threaded.",
        { Recipient: null } or { Recipient.Id: null or "" } => "recipient.id is required: the reply is sent from it.",
        _ => null,
    };

    private static ChatParty? Party(ChannelAccount account) => account.Id is { Length: > 0 and <= MaxIdLength } id
        ? new ChatParty(id, account.Name is { Length: > 0 } name ? name[..Math.Min(name.Length, MaxNameLength)] : null)
        : null;

    private static List<AttachmentLink> Attachments(IReadOnlyList<Attachment>? attachments) => (attachments ?? [])
        .Select(a => Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && a.ContentUrl!.Length <= 2048
            ? new AttachmentLink(url, a.ContentType is { Length: > 0 and <= 255 } type ? type : "application/octet-stream")
            : null)
        .OfType<AttachmentLink>()
        .Take(MaxAttachments)
        .ToList();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex ChannelIdPattern();

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LocalePattern();
}
