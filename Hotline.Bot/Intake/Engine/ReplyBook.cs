using Hotline.Bot.Channels.Sms;

namespace Hotline.Bot.Intake.Engine;

/// <summary>
/// Every reply the engine can send, rendered once with the engine's options filled in. A turn only picks
/// ready-made replies, except where the host's measurements enter: a measured wait, and the opening time
/// outside a team's hours.
/// </summary>
internal sealed class ReplyBook
{
    private readonly Dictionary<string, Dictionary<string, EngineReply>> _replies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _templates = new(StringComparer.Ordinal);
    private readonly string _baseLanguage;
    private readonly EngineReply _menu;
    private readonly int _configuredWait;

    public ReplyBook(IntakeScript script, IntakeOptions options)
    {
        _baseLanguage = script.BaseLanguage;
        _menu = new EngineReply(script.LanguageMenu);
        _configuredWait = options.ExpectedWaitMinutes;
        foreach (var language in script.Languages)
        {
            var replies = new Dictionary<string, EngineReply>(StringComparer.Ordinal);
            var templates = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var id in script.TextIds)
            {
                var template = script.Text(language.Tag, id).Replace(Placeholders.EmergencyNumber, options.EmergencyNumber, StringComparison.Ordinal);
                foreach (var widest in Placeholders.FillWidest(template, language.Tag))
                {
                    if (SmsSegments.Measure(widest).Segments > 2)
                    {
                        throw new ArgumentException($"With these options, text '{id}' in '{language.Tag}' is longer than two SMS segments.", nameof(options));
                    }
                }

                templates[id] = template;
                replies[id] = new EngineReply(Placeholders.Fill(template, options.EmergencyNumber, options.ExpectedWaitMinutes));
            }

            _replies[language.Tag] = replies;
            _templates[language.Tag] = templates;
        }
    }

    /// <summary>
    /// The language menu, after a line saying how to answer it. The menu itself fills two SMS segments with
    /// fourteen names in their own scripts, so the instruction travels as its own short message, in the
    /// person's language when it is known (they asked for the menu again) and in the base language otherwise.
    /// </summary>
    public IEnumerable<EngineReply> Menu(string? language) => [Get(language, MessageIds.LanguageMenu), _menu];

    /// <summary>The reply in the person's language, or in the base language while theirs is unknown.</summary>
    public EngineReply Get(string? language, string textId) => Replies(language)[textId];

    /// <summary>The reply with a measured wait in {wait_minutes}; the configured one when none was measured.</summary>
    public EngineReply Get(string? language, string textId, int? waitMinutes)
    {
        if (waitMinutes is not { } minutes || minutes == _configuredWait || !Template(language, textId).Contains(Placeholders.WaitMinutes, StringComparison.Ordinal))
        {
            return Get(language, textId);
        }

        return new EngineReply(Placeholders.Fill(Template(language, textId), "", minutes));
    }

    /// <summary>The team is not reading messages now: when it will, and the emergency number.</summary>
    public EngineReply Closed(string? language, TeamAvailability team)
    {
        var tag = language is not null && _templates.ContainsKey(language) ? language : _baseLanguage;
        var opensAt = OpeningTimeWords.Format(tag, team.OpensAt, team.Now);
        return new EngineReply(Placeholders.Fill(Template(tag, MessageIds.Closed), "", _configuredWait, opensAt));
    }

    private Dictionary<string, EngineReply> Replies(string? language) =>
        language is not null && _replies.TryGetValue(language, out var replies) ? replies : _replies[_baseLanguage];

    private string Template(string? language, string textId) =>
        (language is not null && _templates.TryGetValue(language, out var templates) ? templates : _templates[_baseLanguage])[textId];
}
