namespace Hotline.Bot.ConversationContract;

/// <summary>
/// Whether a language team is reading messages when one arrives. <paramref name="OpensAt"/> and
/// <paramref name="Now"/> are wall-clock times in the team's time zone (the host converts; the engine only
/// words them): the next moment the team opens, and the moment the message arrived.
/// </summary>
public sealed record TeamAvailability(bool Open, DateTime OpensAt, DateTime Now)
{
    public static TeamAvailability AlwaysOpen { get; } = new(true, default, default);
}

/// <summary>
/// What the host measured and decided before a turn, so the engine can tell the truth without any I/O: each
/// language team's opening hours at the moment the message arrived, and the measured wait for a person per
/// language and band. A language without a team of its own follows <see cref="Fallback"/>; a language and band
/// without a measured wait gets the engine's configured one.
/// </summary>
public sealed class ServiceAvailability(
    IReadOnlyDictionary<string, TeamAvailability> teams,
    TeamAvailability fallback,
    IReadOnlyDictionary<(string Language, PriorityBand Band), int> waitMinutes)
{
    /// <summary>No opening hours and no measured wait: today's behaviour, a person soon, the configured wait.</summary>
    public static ServiceAvailability AlwaysOpen { get; } = new(
        new Dictionary<string, TeamAvailability>(), TeamAvailability.AlwaysOpen, new Dictionary<(string, PriorityBand), int>());

    public TeamAvailability Fallback { get; } = fallback;

    public TeamAvailability For(string? language) =>
        language is not null && teams.TryGetValue(language, out var team) ? team : Fallback;

    public int? WaitMinutes(string? language, PriorityBand band) =>
        language is not null && waitMinutes.TryGetValue((language, band), out var minutes) ? minutes : null;
}
