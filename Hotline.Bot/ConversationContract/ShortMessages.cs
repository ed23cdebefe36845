using Hotline.Bot.Intake.Engine;

namespace Hotline.Bot.ConversationContract;

/// <summary>
/// Whether a message says more than a short answer, as the engine reads it where nothing may be answered (after the discreet
/// word, "not safe" or STOP): a message of more than three words opens a case out of sight, a shorter one ("hello", "are you
/// there?") says no more than a person checking in. The host reads a message the engine takes no turn for (one that arrives
/// late) by the same rule.
/// </summary>
public static class ShortMessages
{
    public static bool SaysMore(string? text) => WordsInMessage.CountWords(text) > AnswerReader.ShortAnswerWords;
}
