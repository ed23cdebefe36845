using Microsoft.Extensions.Options;

namespace Hotline.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Hotline:Auth";

    /// <summary>A session with no activity for this long ends.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteHours { get; set; } = 12;

    /// <summary>Wrong passwords in a row before the account locks.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) => options switch
    {
        { IdleMinutes: < 1 or > 1_440 } => Fail("IdleMinutes must be between 1 and 1440."),
        { AbsoluteHours: < 1 or > 72 } => Fail("AbsoluteHours must be between 1 and 72."),
        { MaxFailedSignIns: < 1 or > 100 } => Fail("MaxFailedSignIns must be between 1 and 100."),
        { LockoutMinutes: < 1 or > 10_080 } => Fail("LockoutMinutes must be between 1 and 10080."),
        _ => ValidateOptionsResult.Success,
    };

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail($"{AuthOptions.Section}:{message}");
}
