namespace Hotline.Api.Tests.Twilio.Fakes;

/// <summary>
/// WhatsApp's 24-hour window as Twilio enforces it: while a recipient's window is closed, a create with free text
/// (a Body) is refused with 400 and error 63016; a template (ContentSid) goes through. Windows are open unless a
/// test closes one.
/// </summary>
public sealed partial class FakeTwilioServer
{
    private const int WhatsAppWindowClosedCode = 63016;
    private const string WhatsAppWindowClosedText =
        "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.";

    private readonly HashSet<string> _closedWhatsAppWindows = new(StringComparer.Ordinal);

    /// <summary>From now on free text to <paramref name="to"/> (e.g. <c>whatsapp:+9779800000001</c>) is refused with 63016.</summary>
    public void CloseWhatsAppWindow(string to)
    {
        lock (_gate)
        {
            _closedWhatsAppWindows.Add(to);
        }
    }

    /// <summary>The person wrote again: free text to <paramref name="to"/> goes through.</summary>
    public void OpenWhatsAppWindow(string to)
    {
        lock (_gate)
        {
            _closedWhatsAppWindows.Remove(to);
        }
    }

    private bool IsWhatsAppWindowClosed(string? to)
    {
        lock (_gate)
        {
            return to is not null && _closedWhatsAppWindows.Contains(to);
        }
    }
}
