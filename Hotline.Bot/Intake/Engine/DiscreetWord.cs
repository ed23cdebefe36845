namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// The discreet word as the intake matches it: the whole message, folded as every keyword is (<see cref="TextNormalizer"/>),
/// so "Recipe!" and " recipe" are it and "a recipe" is not. Public so that the host can recognise it when the engine fails
/// on that very message (IntakeHost/EngineFaultHandoff): the person must still go quiet.
/// </summary>
public sealed class DiscreetWord
{
    /// <summary>The cause a quiet spell begun by the discreet word carries (WentQuiet, WaitsUntilSafe).</summary>
    public const string QuietCause = "discreet_word";

    private readonly string _keyword;

    /// <param name="word">The configured word (<see cref="IntakeOptions.DiscreetWord"/>).</param>
    public DiscreetWord(string word)
    {
        _keyword = TextNormalizer.Keyword(word) is { Length: > 0 } keyword
            ? keyword
            : throw new ArgumentException("The discreet word must be a word of at most 40 characters.", nameof(word));
    }

    /// <summary>Whether the message is the discreet word.</summary>
    public bool Matches(string? text) => IsKeyword(TextNormalizer.Keyword(text));

    /// <summary>Whether a message already folded by <see cref="TextNormalizer.Keyword(string?)"/> is the discreet word.</summary>
    internal bool IsKeyword(string? keyword) => keyword == _keyword;
}
