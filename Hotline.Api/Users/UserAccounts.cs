using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Users;

/// <summary>
/// Creates and changes accounts: the operator's command line, the admin's accounts page and the first Development
/// accounts all come through here, under the same rules (<see cref="AccountRules"/>, <see cref="PasswordRules"/>).
/// A change commits with its audit row and, when it changes what a session was granted, with a new security stamp
/// and the end of the person's sessions. Asking for the state an account is already in changes nothing and writes
/// nothing, so every change can be repeated safely. Password hashes are made before the write begins.
/// </summary>
public sealed class UserAccounts(
    Database database, UserRepository users, SessionStore sessions, IPasswordHasher<User> hasher, AccountRules rules,
    OneTimePasswords oneTimePasswords, AuditTrail audit, CaseQueue cases, TimeProvider time)
{
    /// <summary>Adds an account with a password chosen for it, unaudited: the accounts tests start with.</summary>
    public async Task<(User? User, string? Error)> AddAsync(string userName, UserRole role, IReadOnlyList<string> languages, string password,
        CancellationToken cancellationToken)
    {
        var added = await AddAsync(RowIds.Version7(time.GetUtcNow()), userName, role, languages, password, mustChangePassword: false, by: null, cancellationToken);
        return (added.Value, added.Detail);
    }

    /// <summary>Adds an account with a password its holder chose (the command line reads it from standard input).</summary>
    public Task<Outcome<User>> AddAsync(string userName, UserRole role, IReadOnlyList<string> languages, string password, AuditSource by,
        CancellationToken cancellationToken) =>
        AddAsync(RowIds.Version7(time.GetUtcNow()), userName, role, languages, password, mustChangePassword: false, by, cancellationToken);

    /// <summary>
    /// Adds an account whose id is the console's request id, with a one-time password (shown once) that must be changed
    /// at the first sign-in. A repeat of the request answers the same account and password while it is still unused.
    /// </summary>
    public async Task<Outcome<IssuedPassword>> AddWithOneTimePasswordAsync(Guid requestId, string userName, UserRole role, IReadOnlyList<string> languages,
        AuditSource by, CancellationToken cancellationToken)
    {
        var oneTimePassword = oneTimePasswords.For(requestId, requestId);
        var added = await AddAsync(requestId, userName, role, languages, oneTimePassword, mustChangePassword: true, by, cancellationToken);
        return added switch
        {
            { Value: { } user } when IsCurrentOneTimePassword(user, oneTimePassword) => Outcome<IssuedPassword>.Done(new IssuedPassword(user, oneTimePassword)),
            { Value: not null } => Outcome<IssuedPassword>.Refused(Refusal.Conflict,
                $"'{userName}' was added by this request and has chosen a password since; reset it to issue another one-time password."),
            _ => added.As<IssuedPassword>(),
        };
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.ReadAllAsync(session, cancellationToken);
    }

    /// <summary>Disables or re-enables the account; the last enabled admin cannot be disabled.</summary>
    public Task<Outcome<User>> SetDisabledAsync(string userName, bool disabled, AuditSource by, CancellationToken cancellationToken) =>
        ChangeAsync(userName, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, by, async (session, user, all, token) =>
        {
            if (user.Disabled == disabled)
            {
                return Outcome<User>.Done(user);
            }

            if (disabled && AccountRules.IsLastEnabledAdmin(user, all))
            {
                return Refused(Refusal.Conflict, $"'{user.UserName}' is the last enabled admin; add or enable another admin first.");
            }

            await users.UpdateDisabledAsync(session, user.Id, disabled, token);
            if (disabled)
            {
                await cases.ReturnClaimsOfAsync(session, user.Id, token);
            }

            return Outcome<User>.Done(user with { Disabled = disabled });
        }, cancellationToken);

    /// <summary>Changes the role, the languages or both; the last enabled admin keeps the admin role.</summary>
    public Task<Outcome<User>> SetRoleAndLanguagesAsync(string userName, UserRole? role, IReadOnlyList<string>? languages, AuditSource by,
        CancellationToken cancellationToken) =>
        ChangeAsync(userName, AuditActions.UserAccessChanged, by, async (session, user, all, token) =>
        {
            var newRole = role ?? user.Role;
            var newLanguages = languages is null ? user.Languages : AccountRules.Normalised(languages);
            if (newRole != UserRole.Admin && AccountRules.IsLastEnabledAdmin(user, all))
            {
                return Refused(Refusal.Conflict, $"'{user.UserName}' is the last enabled admin; make another admin first.");
            }

            if (rules.LanguageRefusal(newRole, newLanguages) is { } error)
            {
                return Refused(Refusal.Invalid, error);
            }

            if (newRole == user.Role && newLanguages.Order(StringComparer.Ordinal).SequenceEqual(user.Languages.Order(StringComparer.Ordinal)))
            {
                return Outcome<User>.Done(user);
            }

            await users.UpdateRoleAsync(session, user.Id, newRole, token);
            await users.ReplaceLanguagesAsync(session, user.Id, newLanguages, token);
            if (newRole is not (UserRole.Caseworker or UserRole.Supervisor))
            {
                await cases.ReturnClaimsOfAsync(session, user.Id, token);
            }
            return Outcome<User>.Done(user with { Role = newRole, Languages = newLanguages });
        }, cancellationToken);

    /// <summary>
    /// Gives the account a one-time password, returned once, that only lets its holder choose a new one, and returns the
    /// cases it holds to the queue. The password
    /// comes from <paramref name="requestId"/>: a repeat while it is still unused answers it again and changes nothing.
    /// </summary>
    public async Task<Outcome<IssuedPassword>> ResetPasswordAsync(string userName, Guid requestId, AuditSource by, CancellationToken cancellationToken)
    {
        if (await FindAsync(userName, cancellationToken) is not { } current)
        {
            return Outcome<IssuedPassword>.Refused(Refusal.NotFound, NoUser(userName));
        }

        var oneTimePassword = oneTimePasswords.For(requestId, current.Id);
        if (IsCurrentOneTimePassword(current, oneTimePassword))
        {
            return Outcome<IssuedPassword>.Done(new IssuedPassword(current, oneTimePassword));
        }

        var hash = hasher.HashPassword(current, oneTimePassword);
        var reset = await ChangeAsync(userName, AuditActions.UserPasswordReset, by, async (session, user, _, token) =>
        {
            await users.UpdatePasswordAsync(session, user.Id, hash, mustChangePassword: true, token);
            // A reset is for a forgotten or stolen password: either way the holder is not answering their cases now.
            await cases.ReturnClaimsOfAsync(session, user.Id, token);
            return Outcome<User>.Done(user with { MustChangePassword = true });
        }, cancellationToken);
        return reset.Value is { } user ? Outcome<IssuedPassword>.Done(new IssuedPassword(user, oneTimePassword)) : reset.As<IssuedPassword>();
    }

    /// <summary>
    /// Revokes every session of the user, on every instance: a request carrying the old stamp is refused, and the
    /// user's hub connections are closed within one pass of the live-session sweep. Call it inside the same write
    /// as whatever changes what a session was granted, so the change and the revocation commit together.
    /// </summary>
    public Task ChangeSecurityStampAsync(DbSession session, Guid userId, CancellationToken cancellationToken) =>
        users.ChangeSecurityStampAsync(session, userId, NewSecurityStamp(), cancellationToken);

    /// <summary>
    /// In Development, a fresh database gets an admin and a supervisor, each with a random one-time password printed
    /// once: the admin reads no case, so a newcomer tries the casework and supervisor views as the supervisor. With
    /// <paramref name="everyRole"/> (<see cref="AuthOptions.DevelopmentAccountsForEveryRole"/>) a caseworker and a partner
    /// NGO account too: a caseworker sees less than a supervisor, and a partner's page is reached by no other role. The
    /// printed password stays in the terminal and any log kept of it, so it only lets its holder choose their own.
    /// </summary>
    public async Task<IReadOnlyList<(User User, string Password)>> CreateDevelopmentAccountsAsync(IReadOnlyList<string> languages, bool everyRole,
        CancellationToken cancellationToken)
    {
        await using (var session = await database.OpenAsync(cancellationToken))
        {
            if (await users.CountAsync(session, cancellationToken) > 0)
            {
                return [];
            }
        }

        var created = new List<(User User, string Password)>();
        (string Name, UserRole Role)[] accounts = everyRole
            ? [("admin", UserRole.Admin), ("supervisor", UserRole.Supervisor), ("caseworker", UserRole.Caseworker), ("partner", UserRole.Ngo)]
            : [("admin", UserRole.Admin), ("supervisor", UserRole.Supervisor)];
        foreach (var (name, role) in accounts)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            // A partner's account speaks for its organisation, not in the intake's languages.
            var added = await AddAsync(RowIds.Version7(time.GetUtcNow()), name, role, role == UserRole.Ngo ? [] : languages, password,
                mustChangePassword: true, by: null, cancellationToken);
            created.Add((added.Value ?? throw new InvalidOperationException(added.Detail), password));
        }

        return created;
    }

    /// <summary>
    /// Inside the change's write: a new security stamp, the end of the person's sessions (but <paramref name="keepSessionId"/>,
    /// the one making the change, when given) and the audit row. Returns the new stamp.
    /// </summary>
    internal async Task<string> RevokeAndRecordAsync(DbSession session, Guid userId, Guid? keepSessionId, AuditEntry entry, CancellationToken cancellationToken)
    {
        var stamp = NewSecurityStamp();
        await users.ChangeSecurityStampAsync(session, userId, stamp, cancellationToken);
        await (keepSessionId is { } keep
            ? sessions.EndOtherSessionsOfUserAsync(session, userId, keep, cancellationToken)
            : sessions.EndEverySessionOfUserAsync(session, userId, cancellationToken));
        await audit.AppendAsync(session, entry, cancellationToken);
        return stamp;
    }

    internal static string NoUser(string userName) => $"No user named '{userName}'.";

    private async Task<Outcome<User>> AddAsync(Guid id, string userName, UserRole role, IReadOnlyList<string> languages, string password,
        bool mustChangePassword, AuditSource? by, CancellationToken cancellationToken)
    {
        if ((AccountRules.NameRefusal(userName) ?? PasswordRules.Refusal(userName, password) ?? rules.LanguageRefusal(role, languages)) is { } error)
        {
            return Refused(Refusal.Invalid, error);
        }

        var user = new User
        {
            Id = id,
            UserName = userName,
            DisplayName = userName,
            Role = role,
            CreatedAt = time.GetUtcNow(),
            Languages = AccountRules.Normalised(languages),
            SecurityStamp = NewSecurityStamp(),
            MustChangePassword = mustChangePassword,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await users.FindByIdAsync(session, id, cancellationToken) is { } earlier)
        {
            return string.Equals(earlier.UserName, userName, StringComparison.Ordinal)
                ? Outcome<User>.Done(earlier)
                : Refused(Refusal.Conflict, "This request id was used for another account; reload the page and try again.");
        }

        if (await users.FindByUserNameAsync(session, userName, cancellationToken) is not null)
        {
            return Refused(Refusal.Conflict, $"A user named '{userName}' already exists.");
        }

        await users.AddAsync(session, user, cancellationToken);
        if (by is not null)
        {
            await audit.AppendAsync(session, by.Entry(AuditActions.UserAdded, user.Id), cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return Outcome<User>.Done(user);
    }

    private delegate Task<Outcome<User>> AccountChange(DbSession session, User user, IReadOnlyList<User> all, CancellationToken cancellationToken);

    /// <summary>
    /// Reads every account and applies one change in a single write. A change that answers the account as it was has
    /// written nothing and commits nothing; any other ends the person's sessions and is audited, all in the same commit.
    /// </summary>
    private async Task<Outcome<User>> ChangeAsync(string userName, string action, AuditSource by, AccountChange change, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var all = await users.ReadAllAsync(session, cancellationToken);
        if (all.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal)) is not { } user)
        {
            return Refused(Refusal.NotFound, NoUser(userName));
        }

        var outcome = await change(session, user, all, cancellationToken);
        if (outcome.Value is not { } changed || ReferenceEquals(changed, user))
        {
            return outcome;
        }

        var stamp = await RevokeAndRecordAsync(session, user.Id, keepSessionId: null, by.Entry(action, user.Id), cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<User>.Done(changed with { SecurityStamp = stamp });
    }

    private async Task<User?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.FindByUserNameAsync(session, userName, cancellationToken);
    }

    private bool IsCurrentOneTimePassword(User user, string oneTimePassword) =>
        user.MustChangePassword && hasher.VerifyHashedPassword(user, user.PasswordHash, oneTimePassword) != PasswordVerificationResult.Failed;

    private static Outcome<User> Refused(Refusal refusal, string detail) => Outcome<User>.Refused(refusal, detail);

    private static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>An account and the one-time password it was just given, shown once.</summary>
public sealed record IssuedPassword(User User, string OneTimePassword);
