using Hotline.Bot.Channels.Sms;
using Hotline.Bot.ConversationContract;
using Hotline.Bot.Intake.Scripts;

namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Every reply the engine can send, rendered once with the engine's options filled in. A turn only picks
/// ready-made replies, which keeps Handle free of string building.
/// </summary>
internal sealed class ReplyBook
{
    private readonly Dictionary<string, Dictionary<string, EngineReply>> _replies = new(StringComparer.Ordinal);
    private readonly string _baseLanguage;
    private readonly EngineReply _menu;

    public ReplyBook(IntakeScript script, IntakeOptions options)
    {
        _baseLanguage = script.BaseLanguage;
        _menu = new EngineReply(script.LanguageMenu);
        foreach (var language in script.Languages)
        {
            var replies = new Dictionary<string, EngineReply>(StringComparer.Ordinal);
            foreach (var id in script.TextIds)
            {
                var text = Placeholders.Fill(script.Text(language.Tag, id), options.EmergencyNumber, options.ExpectedWaitMinutes);
                if (SmsSegments.Measure(text).Segments > 2)
                {
                    throw new ArgumentException($"With these options, text '{id}' in '{language.Tag}' is longer than two SMS segments.", nameof(options));
                }

                replies[id] = new EngineReply(text);
            }

            _replies[language.Tag] = replies;
        }
    }

    /// <summary>
    /// The language menu, after a line saying how to answer it. The menu itself fills two SMS segments with
    /// fourteen names in their own scripts, so the instruction travels as its own short message, in the
    /// person's language when it is known (they asked for the menu again) and in the base language otherwise.
    /// </summary>
    public IEnumerable<EngineReply> Menu(string? language) => [Get(language, MessageIds.LanguageMenu), _menu];

    /// <summary>The reply in the person's language, or in the base language while theirs is unknown.</summary>
    public EngineReply Get(string? language, string textId) =>
        (language is not null && _replies.TryGetValue(language, out var replies) ? replies : _replies[_baseLanguage])[textId];
}
