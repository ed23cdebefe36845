namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// A language of a script. <see cref="Name"/> is written in the language's own script (it is what the menu
/// shows); <see cref="Reviewed"/> says whether a native speaker has checked every text, and is false until one has.
/// <see cref="Script"/> is the ISO 15924 code of its writing system (Latn, Arab, Deva, ...).
/// </summary>
public sealed record ScriptLanguage(string Tag, string Name, string EnglishName, string Script, bool Reviewed, LanguageWords Words);

/// <summary>
/// The words the engine understands in one language, as the whole message. The base language's words work in
/// every language as well. Greetings and names only pick a language; the others work at any step.
/// </summary>
public sealed record LanguageWords(
    IReadOnlyList<string> Yes,
    IReadOnlyList<string> No,
    IReadOnlyList<string> Stop,
    IReadOnlyList<string> Start,
    IReadOnlyList<string> Help,
    IReadOnlyList<string> Person,
    IReadOnlyList<string> Language,
    IReadOnlyList<string> Greeting,
    IReadOnlyList<string> Name);
