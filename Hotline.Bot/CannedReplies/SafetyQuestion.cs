using Hotline.Bot.Intake.Engine;

namespace Hotline.Bot.CannedReplies;

/// <summary>
/// Tells whether a caseworker's reply asks the person whether it is safe to write: it holds one of the wordings that ask it
/// (the canned reply <see cref="CannedReplyCatalog.SafeToWriteId"/>, the intake's own question) as whole words in order,
/// folded as the person's words are (case, spaces, punctuation, Unicode forms), alone or inside a message of her own ("Hello,
/// I am here. Is it safe for you to write now?"). Recognised from the text itself, whichever way it reached the reply box
/// (the canned reply inserted, pasted from the transcript, typed out), so no console can leave it out; a question she words
/// herself is not recognised.
/// </summary>
public sealed class SafetyQuestion
{
    // A reply is at most 1,600 characters (the longest concatenated SMS): every word of it is read.
    private const int MaxLength = 1_600;
    private const int MaxWords = 400;

    private readonly List<string[]> _wordings;

    public SafetyQuestion(IEnumerable<string> wordings)
    {
        ArgumentNullException.ThrowIfNull(wordings);
        _wordings = [.. wordings.Select(Fold).Where(words => words.Length > 0).DistinctBy(words => string.Join(' ', words), StringComparer.Ordinal)];
    }

    public bool IsAskedIn(string? reply)
    {
        var words = Fold(reply);
        return _wordings.Exists(wording => Holds(words, wording));
    }

    private static bool Holds(string[] words, string[] wording)
    {
        for (var i = 0; i + wording.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, wording.Length).SequenceEqual(wording))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Fold(string? text) => [.. TextNormalizer.Words(text, MaxWords, MaxLength)];
}
