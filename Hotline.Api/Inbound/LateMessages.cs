namespace Hotline.Api.Inbound;

/// <summary>
/// A message that arrives after a later one of the same person: its webhook failed (an instance killed, a 500), Twilio did not
/// retry it, and reconciliation found it minutes later, with Twilio's time of receipt. The engine has answered the later
/// messages already, so a turn for this one would answer out of order: "1" written at the language menu, stored after the
/// discreet word, was taken as a new message while quiet and got the safety question, a text after the discreet word that the
/// person never asked for. A late message is stored and kept for a caseworker, with no turn of the engine: no reply, no wake,
/// no change of state, and the conversation's last message stays the later one.
/// </summary>
public sealed class LateMessages(CaseQueue queue)
{
    /// <summary>The case's reason when a late message opened it (no points, no band: it says how the case came, not danger).</summary>
    public const string Reason = "late_message";

    /// <summary>
    /// Twilio's times are to the second and a webhook's are the host's clock at its arrival, a moment after Twilio's: within
    /// this, a recovered message counts as written after the last one, as before.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    public static bool IsLate(Conversation conversation, InboundEnvelope envelope) =>
        conversation.LastInboundAt is { } last && envelope.ReceivedAt < last - Tolerance;

    /// <summary>
    /// The case the late message belongs to: the open one, or, when none is open, one opened out of sight for a message worth a
    /// caseworker's reading by the rule of a quiet conversation (more than a short answer, or a photo). A short one ("1", "hi")
    /// opens nothing: it joins the transcript of the person's next case, as any message written with no case open does.
    /// </summary>
    public async Task<Guid?> CaseForAsync(DbSession session, Conversation conversation, InboundEnvelope envelope,
        CancellationToken cancellationToken)
    {
        if (await queue.FindOpenForIntakeAsync(session, conversation.Id, cancellationToken) is { } open)
        {
            return open.Id;
        }

        if (!ShortMessages.SaysMore(envelope.Text) && envelope.Media.Count == 0)
        {
            return null;
        }

        // Quiet after the discreet word, someone may be reading the phone: the case counts it as a case the engine opens then does
        // (at least Medium; triage.md), which the engine, taking no turn here, cannot say.
        var opened = await queue.EnqueueAsync(session, AfterDiscreetWord(conversation)
            ? new NewCase(conversation.Id, Language(conversation), PriorityBand.Medium, DiscreetWordScore, [DiscreetWordReason, Reason], conversation.Status)
            : new NewCase(conversation.Id, Language(conversation), PriorityBand.Low, 0, [Reason], conversation.Status), cancellationToken);
        return opened.Id;
    }

    private const string DiscreetWordReason = "discreet_word";
    private const int DiscreetWordScore = 15;

    private static bool AfterDiscreetWord(Conversation conversation) =>
        conversation is { Status: ConversationStatus.Quiet, StatusReason: { } reason }
        && reason.StartsWith(EngineTurnApplier.DiscreetWordQuietReason, StringComparison.Ordinal);

    private static string Language(Conversation conversation) => conversation.Language ?? NewCase.UnknownLanguage;
}
