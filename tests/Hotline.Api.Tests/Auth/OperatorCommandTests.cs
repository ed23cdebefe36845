namespace Hotline.Api.Tests.Auth;

public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Database_migrate_brings_the_schema_up_to_date_and_exits_zero()
    {
        await using var app = new HotlineApp();
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["database", "migrate"], new StringReader(""), output, Ct);

        Assert.Equal((0, "The database schema is up to date."), (exit, output.ToString().Trim()));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM TwilioDeletions"));
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_standard_input_and_the_user_can_sign_in()
    {
        await using var app = new HotlineApp();
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["users", "add", "ravi", "--role", "caseworker", "--languages", "ne,hi"],
            new StringReader(SignedInClient.Password + "\n"), output, Ct);

        Assert.Equal((0, "Added caseworker 'ravi' (ne,hi)."), (exit, output.ToString().Trim()));
        var response = await SignedInClient.PostSignInAsync(SignedInClient.NewBrowser(app), "ravi", SignedInClient.Password);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Users_add_for_an_ngo_account_prints_no_empty_languages_and_says_to_link_it()
    {
        await using var app = new HotlineApp();
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, ["users", "add", "shelter", "--role", "ngo"],
            new StringReader(SignedInClient.Password + "\n"), output, Ct);

        Assert.Equal((0, "Added ngo 'shelter'. Link it to its organisation in the partner directory: until then it sees nothing."),
            (exit, output.ToString().Trim()));
    }

    [Theory]
    [InlineData(new[] { "users", "add", "ravi", "--role", "pilot", "--languages", "ne" }, "correct horse battery", "--role must be")]
    [InlineData(new[] { "users", "add", "ravi", "--role", "caseworker", "--languages", "ne" }, "short", "at least 12 characters")]
    [InlineData(new[] { "users", "add", "ravi", "--role", "caseworker" }, "correct horse battery", "at least one language")]
    [InlineData(new[] { "users", "add", "bad name", "--role", "caseworker", "--languages", "ne" }, "correct horse battery", "The name must be")]
    [InlineData(new[] { "users", "add", "ravi", "--role", "caseworker", "--languages", "ne,xx" }, "correct horse battery", "'xx' is not a language of the intake")]
    [InlineData(new[] { "users", "remove" }, "", "Usage:")]
    public async Task A_bad_command_exits_2_with_the_reason_and_adds_nobody(string[] args, string password, string reason)
    {
        await using var app = new HotlineApp();
        var output = new StringWriter();

        var exit = await OperatorCommands.RunAsync(app.Services, args, new StringReader(password + "\n"), output, Ct);

        Assert.Equal(2, exit);
        Assert.Contains(reason, output.ToString());
    }

    [Fact]
    public async Task A_second_user_with_the_same_name_is_refused()
    {
        await using var app = new HotlineApp();
        await SignedInClient.AddUserAsync(app, "ravi", UserRole.Caseworker, "ne");

        var (user, error) = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<UserAccounts>(app.Services).AddAsync("ravi", UserRole.Caseworker, ["ne"], SignedInClient.Password, Ct);

        Assert.Null(user);
        Assert.Equal("A user named 'ravi' already exists.", error);
    }
}
