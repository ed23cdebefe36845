using System.Collections.Frozen;

namespace Hotline.Api.Users;

/// <summary>
/// NIST SP 800-63B §5.1.1.2: a minimum length, no composition rules, and refusal of passwords that are
/// common or breached (the list in <c>common-passwords.txt</c>, source named there) or contain the user name.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(ReadCommonPasswords);

    /// <summary>Why <paramref name="password"/> may not be used by <paramref name="userName"/>, or null when it may.</summary>
    public static string? Refusal(string userName, string password) => password switch
    {
        _ when password.Length < MinLength => $"The password must have at least {MinLength} characters.",
        _ when userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase) => "The password must not contain the user name.",
        _ when CommonPasswords.Value.Contains(password) => "That password is in a list of common or breached passwords; choose another.",
        _ => null,
    };

    private static FrozenSet<string> ReadCommonPasswords()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Hotline.Api.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in Hotline.Api.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
