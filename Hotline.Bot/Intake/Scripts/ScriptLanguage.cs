namespace Hotline.Bot.Intake.Scripts;

/// <summary>
/// A language of a script. <see cref="Name"/> is written in the language's own script (it is what the menu
/// shows); <see cref="Reviewed"/> says whether a native speaker has checked every text, and is false until one has.
/// <see cref="Script"/> is the ISO 15924 code of its writing system (Latn, Arab, Deva, ...).
/// </summary>
public sealed record ScriptLanguage(string Tag, string Name, string EnglishName, string Script, bool Reviewed, LanguageWords Words)
{
    /// <summary>
    /// Languages whose yes and no words are understood in this one too, where they are unambiguous: a worker
    /// who chose English often answers "oo", "ndiyo" or "haan".
    /// </summary>
    public IReadOnlyList<string> AnswersAlsoIn { get; init; } = [];
}

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
    IReadOnlyList<string> Name)
{
    /// <summary>Cries for help ("bachao", "saklolo", "tolong saya"): they hand the conversation to a person at once.</summary>
    public IReadOnlyList<string> Distress { get; init; } = [];

    /// <summary>
    /// Phrases that are neither yes nor no although they start like one ("tidak apa-apa", "nahi pata", "no problem"):
    /// an answer containing one is unclear.
    /// </summary>
    public IReadOnlyList<string> Unsure { get; init; } = [];

    /// <summary>
    /// Words and short phrases of danger ("they beat me", "locked in", "suicide"), found anywhere in a message: the case
    /// is Critical at once and the person is told the emergency number. A false alarm costs a caseworker a look.
    /// </summary>
    public IReadOnlyList<string> Urgent { get; init; } = [];

    /// <summary>
    /// Phrases that say it is not safe to write now ("not safe", "can't talk", "safe nahi"), found anywhere in a message while
    /// the question on the phone is whether it is safe to write (or the conversation is quiet): the conversation goes quiet
    /// with the not-safe acknowledgement, as a "no" to that question does. Under any other question they are read as before.
    /// Never a yes or no word: "not safe" under "Did your boss take your passport?" is no answer about the passport.
    /// </summary>
    public IReadOnlyList<string> NotSafe { get; init; } = [];
}
