namespace Hotline.Api.IntakeHost;

public sealed class IntakeHostOptions
{
    public const string Section = "Hotline:Intake";

    /// <summary>A script file to use instead of the one shipped in Hotline.Bot; validated at start like it.</summary>
    public string? ScriptFile { get; set; }

    /// <summary>The word that makes the hotline answer like an ordinary contact and go quiet.</summary>
    public string DiscreetWord { get; set; } = "recipe";

    /// <summary>The local emergency number given to a person in immediate danger.</summary>
    public string EmergencyNumber { get; set; } = "112";

    public int ExpectedWaitMinutes { get; set; } = 15;

    /// <summary>An intake left unanswered this long is handed to a caseworker with the answers so far.</summary>
    public int UnansweredHandoffMinutes { get; set; } = 30;

    /// <summary>How often silent intakes are checked.</summary>
    public int TickIntervalSeconds { get; set; } = 60;

    public Hotline.Bot.Intake.Engine.IntakeOptions ToEngineOptions() => new()
    {
        DiscreetWord = DiscreetWord,
        EmergencyNumber = EmergencyNumber,
        ExpectedWaitMinutes = ExpectedWaitMinutes,
        UnansweredHandoffAfter = TimeSpan.FromMinutes(UnansweredHandoffMinutes),
    };
}

internal sealed class IntakeHostOptionsValidator : IValidateOptions<IntakeHostOptions>
{
    public ValidateOptionsResult Validate(string? name, IntakeHostOptions options) => options switch
    {
        { ScriptFile: { Length: > 0 } file } when !File.Exists(file) => Fail($"ScriptFile '{file}' does not exist."),
        { DiscreetWord.Length: 0 or > 40 } => Fail("DiscreetWord must have 1 to 40 characters."),
        { ExpectedWaitMinutes: < 1 or > 1_440 } => Fail("ExpectedWaitMinutes must be between 1 and 1440."),
        { UnansweredHandoffMinutes: < 1 or > 10_080 } => Fail("UnansweredHandoffMinutes must be between 1 and 10080."),
        { TickIntervalSeconds: < 1 or > 3_600 } => Fail("TickIntervalSeconds must be between 1 and 3600."),
        _ => ValidateOptionsResult.Success,
    };

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail($"{IntakeHostOptions.Section}:{message}");
}
