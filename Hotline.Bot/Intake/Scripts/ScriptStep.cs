namespace Hotline.Bot.Intake.Scripts;

/// <summary>What a step does when the conversation reaches it.</summary>
public enum StepKind
{
    /// <summary>Shows the numbered menu of the script's languages and waits for a choice.</summary>
    Language,

    /// <summary>Asks a yes/no question and waits; branches on yes, no or unknown.</summary>
    YesNo,

    /// <summary>Asks for free text (kept only in the encrypted state) and waits.</summary>
    Text,

    /// <summary>Sends its text and hands the conversation to a person; continues to <c>next</c> if it has one.</summary>
    Handoff,

    /// <summary>Sends its text once and goes silent until the person writes again.</summary>
    Quiet,
}

/// <summary>
/// One step of an intake script. Branches name other steps; a yes/no step falls back to <see cref="Next"/> for
/// any answer without its own branch. <see cref="Reason"/> is the snake_case code a handoff or quiet step reports.
/// </summary>
public sealed record ScriptStep(
    string Id,
    StepKind Kind,
    string? Next,
    string? OnYes,
    string? OnNo,
    string? OnUnknown,
    bool Record,
    bool GrantsConsent,
    string? Reason)
{
    /// <summary>Whether the conversation stops here to wait for the person's answer.</summary>
    public bool AwaitsAnswer => Kind is StepKind.Language or StepKind.YesNo or StepKind.Text;

    /// <summary>Whether the step has a prompt of its own in every language (the menu is built from the language list).</summary>
    public bool HasText => Kind is not StepKind.Language;

    /// <summary>The step an answer code leads to.</summary>
    public string? Target(string answer) => answer switch
    {
        AnswerCodes.Yes => OnYes ?? Next,
        AnswerCodes.No => OnNo ?? Next,
        _ => OnUnknown ?? Next,
    };

    public IEnumerable<string> Branches() => new[] { Next, OnYes, OnNo, OnUnknown }.OfType<string>();
}

/// <summary>The answer codes an intake records. Never free text: the text of a text step stays in the state.</summary>
public static class AnswerCodes
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unknown = "unknown";
    public const string Text = "text";
}

/// <summary>The texts every script carries besides its steps' prompts.</summary>
public static class MessageIds
{
    /// <summary>The neutral reply to HELP: how to answer and how to stop, never who is answering.</summary>
    public const string Help = "help";

    /// <summary>The neutral reply to START after STOP.</summary>
    public const string OptedIn = "opted_in";

    /// <summary>The reply when the person asks for a person.</summary>
    public const string Person = "person";

    /// <summary>The harmless reply to the discreet word, as an ordinary contact would answer.</summary>
    public const string Discreet = "discreet";

    /// <summary>Asked once, in simpler words, when a yes/no answer was not clear.</summary>
    public const string Reask = "reask";

    /// <summary>The reply to a cry for help: the emergency number, and that a person will write.</summary>
    public const string Distress = "distress";

    /// <summary>Sent just before the language menu: how to answer it ("Reply with the number of your language.").</summary>
    public const string LanguageMenu = "language_menu";

    /// <summary>
    /// Instead of every hand-off text while the person's language team is not reading messages: when it will
    /// ({opens_at}), and the emergency number.
    /// </summary>
    public const string Closed = "closed";

    public static IReadOnlyList<string> Required { get; } = [Help, OptedIn, Person, Discreet, Reask, Distress, LanguageMenu, Closed];
}
