namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// What a deployment sets for its intake engine. Pure data: the host reads configuration and passes one of
/// these to <see cref="IntakeEngine"/>'s constructor, which checks it.
/// </summary>
public sealed record IntakeOptions
{
    /// <summary>The word that makes the engine answer like an ordinary contact and then go quiet. It must not
    /// be a word the script already uses, and it is matched as the whole message in any case.</summary>
    public string DiscreetWord { get; init; } = "recipe";

    /// <summary>The local emergency number, filled into {emergency_number}: digits, "+", spaces or hyphens,
    /// at most 16 characters. 112 reaches emergency services from any GSM phone in most countries; set the local one.</summary>
    public string EmergencyNumber { get; init; } = "112";

    /// <summary>The wait a person is told to expect, filled into {wait_minutes} (1 to 9999).</summary>
    public int ExpectedWaitMinutes { get; init; } = 15;

    /// <summary>How long an unanswered question waits before <see cref="IntakeEngine.Tick"/> hands the
    /// conversation to a person with the answers so far.</summary>
    public TimeSpan UnansweredHandoffAfter { get; init; } = TimeSpan.FromMinutes(30);
}
