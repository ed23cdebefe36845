namespace Hotline.Api.Auth;

/// <summary>
/// Why a session that stood is refused now, when an account change ended it: the console's sign-in page tells its
/// person, who otherwise met a bare sign-in form with no reason. It travels as a fixed code (never free text, never a
/// name), on the 401 answered to a request that carried a cookie of that account, so it tells nobody anything about an
/// account that browser was not signed in to. A cookie signed out before the change gets it too: sessions keep no record
/// of why they ended, and its holder learns only that the account was disabled or changed since.
/// </summary>
public enum SessionEnd
{
    /// <summary>The account is disabled.</summary>
    AccountDisabled,

    /// <summary>The account's role, languages or password changed (its security stamp did), by an admin or its holder elsewhere.</summary>
    AccountChanged,
}

public static class SessionEnds
{
    /// <summary>The 401's header that names the <see cref="SessionEnd"/>; the console passes its value to the sign-in page as <c>?ended=</c>.</summary>
    public const string Header = "Hotline-Session-Ended";

    public static string Code(this SessionEnd end) => end switch
    {
        SessionEnd.AccountDisabled => "disabled",
        SessionEnd.AccountChanged => "changed",
        _ => throw new ArgumentOutOfRangeException(nameof(end), end, null),
    };
}
