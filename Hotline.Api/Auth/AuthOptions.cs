namespace Hotline.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Hotline:Auth";

    /// <summary>A session with no activity for this long ends.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>Wrong passwords in a row before the account must wait between attempts.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>The wait between attempts doubles from 5 s with every further wrong password, up to this.</summary>
    public int LongestSignInDelayMinutes { get; set; } = 15;

    /// <summary>Every account needs a code from an authenticator app at sign-in, and enrols at its next one. Development's appsettings turn it off.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>Sign-in attempts one client address may make in a minute; more are answered 429.</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Password checks running at once, whoever asks, each on a thread of the lowest priority (<see cref="PasswordChecks"/>).</summary>
    public int ConcurrentPasswordChecks { get; set; } = 1;

    /// <summary>Password checks a second, whoever asks: attempts beyond are answered 429 at once, before any CPU is spent on them.</summary>
    public int PasswordChecksPerSecond { get; set; } = 10;

    /// <summary>
    /// The share of one core that password checks may use together, measured in their threads' own CPU time: after each
    /// check the lane rests long enough to keep under it (<see cref="Hosting.CoreShare"/>), however idle the machine is.
    /// </summary>
    public double PasswordCheckCoreShare { get; set; } = 0.2;

    /// <summary>Sign-in attempts for one account name in a minute, from anywhere; more are answered 429.</summary>
    public int SignInsPerNamePerMinute { get; set; } = 10;

    /// <summary>
    /// Development only (never read elsewhere): the first start on an empty database also creates a caseworker and a partner
    /// NGO account beside the admin and the supervisor, so a newcomer can try every role's view. Development's appsettings
    /// turn it on.
    /// </summary>
    public bool DevelopmentAccountsForEveryRole { get; set; }
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) => options switch
    {
        { IdleMinutes: < 1 or > 1_440 } => Fail("IdleMinutes must be between 1 and 1440."),
        { AbsoluteHours: < 1 or > 72 } => Fail("AbsoluteHours must be between 1 and 72."),
        { MaxFailedSignIns: < 1 or > 100 } => Fail("MaxFailedSignIns must be between 1 and 100."),
        { LongestSignInDelayMinutes: < 1 or > 1_440 } => Fail("LongestSignInDelayMinutes must be between 1 and 1440."),
        { SignInsPerAddressPerMinute: < 1 or > 100_000 } => Fail("SignInsPerAddressPerMinute must be between 1 and 100000."),
        { SignInsPerNamePerMinute: < 1 or > 100_000 } => Fail("SignInsPerNamePerMinute must be between 1 and 100000."),
        { ConcurrentPasswordChecks: < 1 or > 64 } => Fail("ConcurrentPasswordChecks must be between 1 and 64."),
        { PasswordChecksPerSecond: < 1 or > 1_000 } => Fail("PasswordChecksPerSecond must be between 1 and 1000."),
        { PasswordCheckCoreShare: < 0.01 or > 1 or double.NaN } => Fail("PasswordCheckCoreShare must be between 0.01 and 1."),
        _ => ValidateOptionsResult.Success,
    };

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail($"{AuthOptions.Section}:{message}");
}
