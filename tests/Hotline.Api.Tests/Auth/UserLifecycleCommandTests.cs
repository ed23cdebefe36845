namespace Hotline.Api.Tests.Auth;

/// <summary>The account lifecycle verbs of the operator's command line, on a real SQLite file and the real sign-in form.</summary>
public sealed class UserLifecycleCommandTests
{
    [Fact]
    public async Task Users_list_prints_every_account_with_role_languages_and_state()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "amira", UserRole.Supervisor, "ar", "en");
        await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        await RunAsync(app, "users", "disable", "ravi");

        var (exit, output) = await RunAsync(app, "users", "list");

        // "admin" and "supervisor" are the accounts a Development host creates, with every language of the intake.
        Assert.Equal(0, exit);
        Assert.Equal(["admin\tadmin", "amira\tsupervisor\tar,en", "ravi\tcaseworker\tne\tdisabled", "supervisor\tsupervisor"],
            output.Split('\n').Select(line => string.Join('\t', line.Split('\t').Take(line.StartsWith("admin\t", StringComparison.Ordinal) || line.StartsWith("supervisor\t", StringComparison.Ordinal) ? 2 : 4))));
    }

    [Fact]
    public async Task Users_disable_ends_the_open_session_and_refuses_the_next_sign_in()
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var (exit, output) = await RunAsync(app, "users", "disable", "ravi");

        Assert.Equal((0, "Disabled 'ravi'; their sessions are ended."), (exit, output));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        var signIn = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", SignedInClient.Password);
        Assert.Equal("/console/signin.html?error=wrong", signIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Users_enable_lets_a_disabled_user_sign_in_again()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");
        await RunAsync(app, "users", "disable", "ravi");

        var (exit, output) = await RunAsync(app, "users", "enable", "ravi");

        Assert.Equal((0, "Enabled 'ravi'."), (exit, output));
        var signIn = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", SignedInClient.Password);
        Assert.Equal("/console/", signIn.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Users_set_changes_role_and_languages_and_ends_the_open_session()
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var (exit, output) = await RunAsync(app, "users", "set", "ravi", "--role", "supervisor", "--languages", "en,AR");

        Assert.Equal((0, "'ravi' is now supervisor 'ravi' (en,ar); their sessions are ended."), (exit, output));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        Assert.Equal("ravi\tsupervisor\tar,en", await ListedAsync(app, "ravi"));
    }

    [Fact]
    public async Task Users_set_makes_a_caseworker_a_translation_reviewer_who_starts_at_the_translations()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "baraka", UserRole.Caseworker, "sw");

        var (exit, output) = await RunAsync(app, "users", "set", "baraka", "--role", "reviewer");

        var signIn = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "baraka", SignedInClient.Password);
        Assert.Equal((0, "'baraka' is now reviewer 'baraka' (sw); their sessions are ended."), (exit, output));
        Assert.Equal(("baraka\treviewer\tsw", "/console/translations.html"), (await ListedAsync(app, "baraka"), signIn.Headers.Location?.ToString()));
    }

    [Fact]
    public async Task Users_reset_password_prints_a_one_time_password_that_replaces_the_old_one()
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var (exit, output) = await RunAsync(app, "users", "reset-password", "ravi");

        Assert.Equal(0, exit);
        Assert.Matches(@"^One-time password for 'ravi': [0-9a-f]{20}   \(it must be changed at the next sign-in; their sessions are ended\)$", output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
        var oldPassword = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", SignedInClient.Password);
        Assert.Equal("/console/signin.html?error=wrong", oldPassword.Headers.Location?.ToString());
        Assert.Equal("ravi\tcaseworker\tne\tmust change password", await ListedAsync(app, "ravi"));
    }

    [Theory]
    [InlineData(new[] { "users", "disable", "nobody" }, "No user named 'nobody'.")]
    [InlineData(new[] { "users", "enable", "nobody" }, "No user named 'nobody'.")]
    [InlineData(new[] { "users", "reset-password", "nobody" }, "No user named 'nobody'.")]
    [InlineData(new[] { "users", "set", "nobody", "--role", "admin" }, "No user named 'nobody'.")]
    [InlineData(new[] { "users", "set", "ravi", "--role", "pilot" }, "--role must be caseworker, supervisor, ngo, admin or reviewer.")]
    [InlineData(new[] { "users", "set", "ravi", "--role", "3" }, "--role must be caseworker, supervisor, ngo, admin or reviewer.")]
    [InlineData(new[] { "users", "set", "ravi", "--languages", "en;ar" }, "Languages are BCP-47 tags such as en, ar, ne, fil.")]
    [InlineData(new[] { "users", "set", "ravi", "--languages", "," }, "A caseworker, supervisor, reviewer or admin needs at least one language (--languages en,ar).")]
    [InlineData(new[] { "users", "set", "ravi", "--colour", "red" }, "users set takes --role ROLE and/or --languages en,ar.")]
    [InlineData(new[] { "users", "set", "ravi", "--role" }, "users set takes --role ROLE and/or --languages en,ar.")]
    [InlineData(new[] { "users", "disable", "admin" }, "'admin' is the last enabled admin; add or enable another admin first.")]
    [InlineData(new[] { "users", "set", "admin", "--role", "supervisor" }, "'admin' is the last enabled admin; make another admin first.")]
    public async Task A_refused_change_exits_2_with_one_line_and_changes_nothing(string[] args, string reason)
    {
        await using var app = new HotlineApp();
        var ravi = await SignedInClient.SignInAsync(app, await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne"));

        var before = (await RunAsync(app, "users", "list")).Output;

        var (exit, output) = await RunAsync(app, args);

        Assert.Equal((2, reason), (exit, output));
        Assert.Equal(before, (await RunAsync(app, "users", "list")).Output);
        Assert.Equal(HttpStatusCode.OK, (await ravi.Http.GetAsync("/api/session", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("ravi", "short words", "The password must have at least 12 characters.")]
    [InlineData("ravi", "my name is RAVI, hello", "The password must not contain the user name.")]
    [InlineData("ravi", "PASSWORD1234", "That password is in a list of common or breached passwords; choose another.")]
    [InlineData("ravi", "qazwsxedcrfv", "That password is in a list of common or breached passwords; choose another.")]
    public async Task Users_add_refuses_a_password_that_breaks_the_NIST_rules(string name, string password, string reason)
    {
        await using var app = new HotlineApp();

        var exit = await OperatorCommands.RunAsync(app.Services, ["users", "add", name, "--role", "caseworker", "--languages", "ne"],
            new StringReader(password + "\n"), Output(out var output), Ct);

        Assert.Equal((2, reason), (exit, output.ToString().Trim()));
        Assert.Null(await ListedAsync(app, "ravi"));
    }

    [Fact]
    public async Task Users_add_accepts_a_long_password_without_any_composition_rule()
    {
        await using var app = new HotlineApp();

        var exit = await OperatorCommands.RunAsync(app.Services, ["users", "add", "ravi", "--role", "caseworker", "--languages", "ne"],
            new StringReader("tea kettles hum at dawn\n"), Output(out var output), Ct);

        Assert.Equal((0, "Added caseworker 'ravi' (ne)."), (exit, output.ToString().Trim()));
    }

    private static StringWriter Output(out StringWriter output) => output = new StringWriter();

    private static async Task<string?> ListedAsync(HotlineApp app, string userName) =>
        (await RunAsync(app, "users", "list")).Output.Split('\n').SingleOrDefault(line => line.StartsWith(userName + "\t", StringComparison.Ordinal));

    private static async Task<(int Exit, string Output)> RunAsync(HotlineApp app, params string[] args)
    {
        var output = new StringWriter();
        var exit = await OperatorCommands.RunAsync(app.Services, args, new StringReader(""), output, Ct);
        return (exit, output.ToString().Trim().ReplaceLineEndings("\n"));
    }
}
