namespace Hotline.Api.Users;

/// <summary>
/// The admin's accounts page: the same account changes as the operator's <c>users</c> command line, through the same
/// <see cref="UserAccounts"/>. Every change can be sent again safely: adding and resetting carry the page's request id,
/// and asking for the state an account is already in changes nothing.
/// </summary>
public static class AccountEndpoints
{
    public sealed record AccountView(Guid Id, string UserName, string Role, IReadOnlyList<string> Languages, bool Enabled, bool TwoFactorEnrolled,
        DateTimeOffset? LastSignInAt, bool MustChangePassword);

    public sealed record NewAccount(Guid? RequestId, string? UserName, string? Role, IReadOnlyList<string>? Languages);

    public sealed record AccessChange(string? Role, IReadOnlyList<string>? Languages);

    public sealed record PasswordReset(Guid? RequestId);

    public sealed record IssuedPasswordView(AccountView Account, string OneTimePassword);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/admin/accounts").WithTags("Accounts").RequireAuthorization(Policies.Administration)
            .AddEndpointFilter<AntiforgeryFilter>();
        accounts.MapGet("", List).WithName("GetAccounts").WithSummary("Every account: role, languages, enabled, two-factor enrolled, last sign-in.");
        accounts.MapPost("", Add).WithName("AddAccount").WithSummary("Adds an account with a one-time password, shown once, that must be changed at the first sign-in.");
        accounts.MapPost("/{userName}/disable", Disable).WithName("DisableAccount").WithSummary("Disables an account and ends its sessions; the last enabled admin cannot be disabled.");
        accounts.MapPost("/{userName}/enable", Enable).WithName("EnableAccount").WithSummary("Lets a disabled account sign in again.");
        accounts.MapPut("/{userName}/access", SetAccess).WithName("SetAccountAccess").WithSummary("Sets an account's role and languages and ends its sessions; the last enabled admin stays an admin.");
        accounts.MapPost("/{userName}/password-reset", ResetPassword).WithName("ResetAccountPassword").WithSummary("Gives an account a one-time password, shown once, ends its sessions and returns the cases it holds to the queue.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<AccountView>>> List(Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        var facts = await users.ReadSignInFactsAsync(session, cancellationToken);
        IReadOnlyList<AccountView> views = (await users.ReadAllAsync(session, cancellationToken)).Select(u => View(u, facts)).ToList();
        return TypedResults.Ok(views);
    }

    public static async Task<Results<Ok<IssuedPasswordView>, ProblemHttpResult>> Add(
        NewAccount input, HttpContext context, UserAccounts accounts, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        if (input is not { RequestId: { } requestId, UserName: { } userName } || requestId == Guid.Empty)
        {
            return Invalid("Send a request id and a user name.");
        }

        if (AccountRules.ParseRole(input.Role) is not { } role)
        {
            return Invalid(AccountRules.RoleRule);
        }

        var added = await accounts.AddWithOneTimePasswordAsync(requestId, userName.Trim(), role, input.Languages ?? [], AuditSource.Of(context), cancellationToken);
        return added.Value is { } issued
            ? TypedResults.Ok(new IssuedPasswordView(await ViewAsync(issued.User, database, users, cancellationToken), issued.OneTimePassword))
            : added.ToProblem();
    }

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Disable(
        string userName, HttpContext context, UserAccounts accounts, Database database, UserRepository users, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.SetDisabledAsync(userName, true, AuditSource.Of(context), cancellationToken), database, users, cancellationToken);

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Enable(
        string userName, HttpContext context, UserAccounts accounts, Database database, UserRepository users, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.SetDisabledAsync(userName, false, AuditSource.Of(context), cancellationToken), database, users, cancellationToken);

    public static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SetAccess(
        string userName, AccessChange input, HttpContext context, UserAccounts accounts, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        UserRole? role = null;
        if (input.Role is not null && (role = AccountRules.ParseRole(input.Role)) is null)
        {
            return Invalid(AccountRules.RoleRule);
        }

        return await AnswerAsync(await accounts.SetRoleAndLanguagesAsync(userName, role, input.Languages, AuditSource.Of(context), cancellationToken),
            database, users, cancellationToken);
    }

    public static async Task<Results<Ok<IssuedPasswordView>, ProblemHttpResult>> ResetPassword(
        string userName, PasswordReset input, HttpContext context, UserAccounts accounts, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        if (input.RequestId is not { } requestId || requestId == Guid.Empty)
        {
            return Invalid("Send a request id.");
        }

        var reset = await accounts.ResetPasswordAsync(userName, requestId, AuditSource.Of(context), cancellationToken);
        return reset.Value is { } issued
            ? TypedResults.Ok(new IssuedPasswordView(await ViewAsync(issued.User, database, users, cancellationToken), issued.OneTimePassword))
            : reset.ToProblem();
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> AnswerAsync(Outcome<User> outcome, Database database, UserRepository users,
        CancellationToken cancellationToken) =>
        outcome.Value is { } user ? TypedResults.Ok(await ViewAsync(user, database, users, cancellationToken)) : outcome.ToProblem();

    private static async Task<AccountView> ViewAsync(User user, Database database, UserRepository users, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return View(user, await users.ReadSignInFactsAsync(session, cancellationToken));
    }

    private static AccountView View(User user, IReadOnlyDictionary<Guid, SignInFacts> facts) =>
        new(user.Id, user.UserName, user.Role.ToString(), user.Languages, !user.Disabled, facts.GetValueOrDefault(user.Id)?.TwoFactorEnrolled == 1,
            facts.GetValueOrDefault(user.Id)?.LastSignInAt, user.MustChangePassword);

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
