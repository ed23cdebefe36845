using Hotline.Bot.Channels;

namespace Hotline.Bot.Tests.Intake.Support;

/// <summary>
/// Plays the host's part as the contract describes it: stores the state and language of every turn, turns
/// OptedOut/OptedIn/CaseRequested into the snapshot's flags, and keeps a clock one minute per message.
/// </summary>
internal sealed class FakeHost(IntakeEngine engine, string? registeredLanguage = null, Channel channel = Channel.Sms)
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public ConversationSnapshot Snapshot { get; private set; } = new(null, null, false, false, registeredLanguage, null, Channel: channel);

    public DateTimeOffset Now { get; private set; } = Epoch;

    /// <summary>
    /// Whether a caseworker's reply may reach the phone, as the host decides it: an opt-out, the quiet the engine starts
    /// (<see cref="WentQuiet"/>) and a turn that waits until it is safe (<see cref="WaitsUntilSafe"/>) stop her; the person's
    /// message with neither ends a quiet spell, and an opt-in ends an opt-out.
    /// </summary>
    public bool Writable { get; private set; } = true;

    /// <summary>What the host tells the engine of the teams' hours and waits with each message; none: always open.</summary>
    public ServiceAvailability? Availability { get; set; }

    /// <summary>A message from the person; <paramref name="media"/> photos or stickers with it.</summary>
    public EngineTurn Send(string text, string? locale = null, int media = 0)
    {
        Now = Now.AddMinutes(1);
        var turn = engine.Handle(Snapshot, new InboundMessage(text, media, locale, Now, Availability));
        Apply(turn, inbound: true);
        return turn;
    }

    public EngineTurn Tick(TimeSpan after)
    {
        Now += after;
        var turn = engine.Tick(Snapshot, Now);
        Apply(turn, inbound: false);
        return turn;
    }

    /// <summary>A caseworker closes the case.</summary>
    public void CloseCase() => Snapshot = Snapshot with { HasOpenCase = false, CaseworkerHasWritten = false };

    /// <summary>A caseworker writes to the person on the open case.</summary>
    public void CaseworkerWrites() => Snapshot = Snapshot with { CaseworkerHasWritten = true };

    /// <summary>A caseworker writes to the person whether it is safe to write now (the canned reply the host recognises).</summary>
    public void CaseworkerAsksIfSafe()
    {
        CaseworkerWrites();
        Snapshot = Snapshot with { State = engine.CaseworkerAskedIfSafe(Snapshot) };
    }

    /// <summary>
    /// She asks it, and her reply waits in the outbox (not sent yet, or held outside WhatsApp's window): the person's messages
    /// cross it until <see cref="CaseworkerQuestionLeaves"/>.
    /// </summary>
    public void CaseworkerAsksIfSafeStillUnsent()
    {
        CaseworkerAsksIfSafe();
        Snapshot = Snapshot with { CaseworkerQuestion = CaseworkerQuestion.OnItsWay };
    }

    /// <summary>Her question whether it is safe to write leaves the outbox for the phone.</summary>
    public void CaseworkerQuestionLeaves() => Snapshot = Snapshot with { CaseworkerQuestion = CaseworkerQuestion.Left };

    /// <summary>Her question whether it is safe to write will never leave: refused for good by the provider, or cancelled.</summary>
    public void CaseworkerQuestionNeverLeaves() => Snapshot = Snapshot with { CaseworkerQuestion = CaseworkerQuestion.NeverLeft };

    public void Replace(ConversationSnapshot snapshot) => Snapshot = snapshot;

    private void Apply(EngineTurn turn, bool inbound)
    {
        var optedOut = Snapshot.OptedOut;
        var open = Snapshot.HasOpenCase;
        var writable = Writable || (inbound && !optedOut && !turn.Events.Any(e => e is WentQuiet or WaitsUntilSafe));
        foreach (var e in turn.Events)
        {
            optedOut = e switch { OptedOut => true, OptedIn => false, _ => optedOut };
            open |= e is CaseRequested;
            writable = e switch
            {
                OptedOut => false,
                OptedIn => true,
                WentQuiet or WaitsUntilSafe when !optedOut => false,
                _ => writable,
            };
        }

        Writable = writable && !optedOut;

        Snapshot = Snapshot with
        {
            State = turn.State,
            Language = turn.Language,
            OptedOut = optedOut,
            HasOpenCase = open,
            LastInboundAt = inbound ? Now : Snapshot.LastInboundAt,
        };
    }
}
