namespace Hotline.Api.Erasure;

/// <summary>
/// What an erasure or a retention pass removed, by kind. Messages are the bodies (and media references)
/// blanked; conversations are addresses, lookup hashes and engine states removed together.
/// </summary>
public sealed record ErasedCounts(
    int Messages = 0,
    int Media = 0,
    int Notes = 0,
    int Referrals = 0,
    int IntakeAnswers = 0,
    int EngineStates = 0,
    int Conversations = 0,
    int ChatRoutes = 0,
    int OutboxRows = 0,
    int SimRegistrations = 0)
{
    public static readonly ErasedCounts None = new();

    public static ErasedCounts operator +(ErasedCounts a, ErasedCounts b) => new(
        a.Messages + b.Messages, a.Media + b.Media, a.Notes + b.Notes, a.Referrals + b.Referrals, a.IntakeAnswers + b.IntakeAnswers,
        a.EngineStates + b.EngineStates, a.Conversations + b.Conversations, a.ChatRoutes + b.ChatRoutes, a.OutboxRows + b.OutboxRows,
        a.SimRegistrations + b.SimRegistrations);

    /// <summary>One line, counts only: what the command prints and the audit row's subject carries.</summary>
    public string Describe() =>
        $"messages {Messages}, media {Media}, notes {Notes}, referrals {Referrals}, intake answers {IntakeAnswers}, engine states {EngineStates}, "
        + $"conversations {Conversations}, chat routes {ChatRoutes}, outbox rows {OutboxRows}, SIM registrations {SimRegistrations}";
}
