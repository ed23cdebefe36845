namespace Hotline.Bot.Intake.Loading;

/// <summary>One reason a script refused to load. A null step or language means the problem is not tied to one.</summary>
public sealed record ScriptProblem(string? StepId, string? Language, string Description)
{
    public string Describe(string fileName) =>
        $"{fileName}: step '{StepId ?? "(none)"}', language '{Language ?? "(all)"}': {Description}";
}

/// <summary>
/// A script refused to load. The message lists every problem, each naming the file, the step and the language,
/// so whoever edited the script can fix all of them in one pass.
/// </summary>
public sealed class ScriptValidationException : Exception
{
    public ScriptValidationException(string fileName, IReadOnlyList<ScriptProblem> problems)
        : base(string.Join('\n', problems.Select(p => p.Describe(fileName))))
    {
        FileName = fileName;
        Problems = problems;
    }

    public string FileName { get; }

    public IReadOnlyList<ScriptProblem> Problems { get; }
}
