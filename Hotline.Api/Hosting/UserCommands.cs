namespace Hotline.Api.Hosting;

/// <summary>
/// The <c>users</c> verbs of the operator's command line. Each answers in one line; a refused change exits 2
/// and changes nothing. A change to an existing account also ends that person's sessions.
/// </summary>
public static class UserCommands
{
    public const string Usage = """
        Usage: users add NAME --role caseworker|supervisor|ngo|admin|reviewer --languages en,ar   (the password is read from standard input)
               users list
               users disable NAME | users enable NAME
               users set NAME [--role ROLE] [--languages en,ar]
               users reset-password NAME   (prints a one-time password that must be changed at the next sign-in)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        return args switch
        {
            ["users", "add", var name, .. var options] => await AddAsync(accounts, name, options, input, output, cancellationToken),
            ["users", "list"] => await ListAsync(accounts, output, cancellationToken),
            ["users", "disable", var name] => await AnswerAsync(output, await accounts.SetDisabledAsync(name, true, AuditSource.Operator, cancellationToken), u => $"Disabled '{u.UserName}'; their sessions are ended."),
            ["users", "enable", var name] => await AnswerAsync(output, await accounts.SetDisabledAsync(name, false, AuditSource.Operator, cancellationToken), u => $"Enabled '{u.UserName}'."),
            ["users", "set", var name, .. var options] when options.Length > 0 => await SetAsync(accounts, name, options, output, cancellationToken),
            ["users", "reset-password", var name] => await ResetPasswordAsync(accounts, name, output, cancellationToken),
            _ => await RefuseAsync(output, Usage),
        };
    }

    private static async Task<int> AddAsync(UserAccounts accounts, string name, string[] options, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (RoleOption(options) is not { } role)
        {
            return await RefuseAsync(output, "--role must be caseworker, supervisor, ngo, admin or reviewer.");
        }

        var languages = Languages(Option(options, "--languages") ?? "");
        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        return await AnswerAsync(output, await accounts.AddAsync(name, role, languages, password, AuditSource.Operator, cancellationToken),
            u => $"Added {Describe(u)}.{NextStep(u)}");
    }

    private static async Task<int> ListAsync(UserAccounts accounts, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var user in await accounts.ListAsync(cancellationToken))
        {
            var state = (user.Disabled, user.MustChangePassword) switch
            {
                (true, _) => " disabled",
                (_, true) => " must change password",
                _ => "",
            };
            await output.WriteLineAsync($"{user.UserName}\t{user.Role.ToString().ToLowerInvariant()}\t{string.Join(",", user.Languages)}\t{state.Trim()}".TrimEnd('\t'));
        }

        return 0;
    }

    private static async Task<int> SetAsync(UserAccounts accounts, string name, string[] options, TextWriter output, CancellationToken cancellationToken)
    {
        var unknown = options.Where((o, i) => i % 2 == 0 && o is not ("--role" or "--languages")).FirstOrDefault();
        if (unknown is not null || options.Length % 2 != 0)
        {
            return await RefuseAsync(output, "users set takes --role ROLE and/or --languages en,ar.");
        }

        UserRole? role = null;
        if (Option(options, "--role") is not null && (role = RoleOption(options)) is null)
        {
            return await RefuseAsync(output, "--role must be caseworker, supervisor, ngo, admin or reviewer.");
        }

        var languages = Option(options, "--languages") is { } list ? Languages(list) : null;
        return await AnswerAsync(output, await accounts.SetRoleAndLanguagesAsync(name, role, languages, AuditSource.Operator, cancellationToken),
            u => $"'{u.UserName}' is now {Describe(u)}; their sessions are ended.");
    }

    private static async Task<int> ResetPasswordAsync(UserAccounts accounts, string name, TextWriter output, CancellationToken cancellationToken)
    {
        var reset = await accounts.ResetPasswordAsync(name, Guid.NewGuid(), AuditSource.Operator, cancellationToken);
        if (reset.Value is not { } issued)
        {
            return await RefuseAsync(output, reset.Detail!);
        }

        await output.WriteLineAsync($"One-time password for '{name}': {issued.OneTimePassword}   (it must be changed at the next sign-in; their sessions are ended)");
        return 0;
    }

    private static async Task<int> AnswerAsync(TextWriter output, Outcome<User> result, Func<User, string> success)
    {
        if (result.Value is not { } user)
        {
            return await RefuseAsync(output, InCommandLineWords(result.Detail!));
        }

        await output.WriteLineAsync(success(user));
        return 0;
    }

    private static async Task<int> RefuseAsync(TextWriter output, string reason)
    {
        await output.WriteLineAsync(reason);
        return 2;
    }

    /// <summary>
    /// A refusal as the operator reads it: the account rules word a missing language for the web page too, so the flag
    /// that gives one is named here.
    /// </summary>
    private static string InCommandLineWords(string refusal) =>
        refusal == AccountRules.NoLanguageRule ? "A caseworker, supervisor, reviewer or admin needs at least one language (--languages en,ar)." : refusal;

    /// <summary>The account, with its languages when it has any (an NGO account or an admin may have none).</summary>
    private static string Describe(User user) =>
        $"{user.Role.ToString().ToLowerInvariant()} '{user.UserName}'" + (user.Languages.Count > 0 ? $" ({string.Join(",", user.Languages)})" : "");

    private static string NextStep(User user) =>
        user.Role is UserRole.Ngo ? " Link it to its organisation in the partner directory: until then it sees nothing." : "";

    private static UserRole? RoleOption(string[] options) => AccountRules.ParseRole(Option(options, "--role"));

    private static string[] Languages(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }
}
