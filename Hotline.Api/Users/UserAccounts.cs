using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hotline.Api.Auth;
using Hotline.Api.Storage;
using Hotline.Bot.Intake.Scripts;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Users;

/// <summary>
/// Creates and changes accounts: the operator's command line and the first Development admin both come through
/// here. Every change to an existing account ends that person's sessions in the same transaction.
/// </summary>
public sealed partial class UserAccounts(
    Database database, UserRepository users, SessionStore sessions, IPasswordHasher<User> hasher, IntakeScript script, TimeProvider time)
{
    public async Task<(User? User, string? Error)> AddAsync(string userName, UserRole role, IReadOnlyList<string> languages, string password,
        CancellationToken cancellationToken)
    {
        var error = UserNamePattern().IsMatch(userName)
            ? PasswordRules.Refusal(userName, password) ?? LanguageRefusal(role, languages)
            : "The name must be 1 to 100 letters, digits, '.', '_', '-' or '@'.";
        if (error is not null)
        {
            return (null, error);
        }

        await using var session = await database.BeginWriteAsync(cancellationToken);
        if (await users.FindByUserNameAsync(session, userName, cancellationToken) is not null)
        {
            return (null, $"A user named '{userName}' already exists.");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = userName,
            DisplayName = userName,
            Role = role,
            CreatedAt = time.GetUtcNow(),
            Languages = Normalised(languages),
            SecurityStamp = NewSecurityStamp(),
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        await users.AddAsync(session, user, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (user, null);
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.ReadAllAsync(session, cancellationToken);
    }

    /// <summary>Disables or re-enables the account; the last enabled admin cannot be disabled.</summary>
    public Task<(User? User, string? Error)> SetDisabledAsync(string userName, bool disabled, CancellationToken cancellationToken) =>
        ChangeAsync(userName, async (session, user, all, token) =>
        {
            if (disabled && IsLastEnabledAdmin(user, all))
            {
                return (null, $"'{user.UserName}' is the last enabled admin; add or enable another admin first.");
            }

            await users.UpdateDisabledAsync(session, user.Id, disabled, token);
            return (user with { Disabled = disabled }, null);
        }, cancellationToken);

    /// <summary>Changes the role, the languages or both; the last enabled admin keeps the admin role.</summary>
    public Task<(User? User, string? Error)> SetRoleAndLanguagesAsync(string userName, UserRole? role, IReadOnlyList<string>? languages,
        CancellationToken cancellationToken) =>
        ChangeAsync(userName, async (session, user, all, token) =>
        {
            var newRole = role ?? user.Role;
            var newLanguages = languages is null ? user.Languages : Normalised(languages);
            if (newRole != UserRole.Admin && IsLastEnabledAdmin(user, all))
            {
                return (null, $"'{user.UserName}' is the last enabled admin; make another admin first.");
            }

            if (LanguageRefusal(newRole, newLanguages) is { } error)
            {
                return (null, error);
            }

            await users.UpdateRoleAsync(session, user.Id, newRole, token);
            await users.ReplaceLanguagesAsync(session, user.Id, newLanguages, token);
            return (user with { Role = newRole, Languages = newLanguages }, null);
        }, cancellationToken);

    /// <summary>Gives the account a random one-time password, returned once, that only lets its holder choose a new one.</summary>
    public async Task<(string? OneTimePassword, string? Error)> ResetPasswordAsync(string userName, CancellationToken cancellationToken)
    {
        var oneTimePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
        var (user, error) = await ChangeAsync(userName, async (session, user, _, token) =>
        {
            await users.UpdatePasswordAsync(session, user.Id, hasher.HashPassword(user, oneTimePassword), mustChangePassword: true, token);
            return (user with { MustChangePassword = true }, null);
        }, cancellationToken);
        return user is null ? (null, error) : (oneTimePassword, null);
    }

    /// <summary>
    /// Revokes every session of the user, on every instance: a request carrying the old stamp is refused, and the
    /// user's hub connections are closed within one pass of the live-session sweep. Call it inside the same write
    /// as whatever changes what a session was granted (disabling, a role or language change, a password change or
    /// reset, signing out everywhere), so the change and the revocation commit together.
    /// </summary>
    public Task ChangeSecurityStampAsync(DbSession session, Guid userId, CancellationToken cancellationToken) =>
        users.ChangeSecurityStampAsync(session, userId, NewSecurityStamp(), cancellationToken);

    /// <summary>
    /// In Development, a fresh database gets an admin and a supervisor, each with a random password printed once:
    /// the admin reads no case, so a newcomer tries the casework and supervisor views as the supervisor.
    /// </summary>
    public async Task<IReadOnlyList<(User User, string Password)>> CreateDevelopmentAccountsAsync(IReadOnlyList<string> languages,
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
        foreach (var (name, role) in new[] { ("admin", UserRole.Admin), ("supervisor", UserRole.Supervisor) })
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            var (user, error) = await AddAsync(name, role, languages, password, cancellationToken);
            created.Add((user ?? throw new InvalidOperationException(error), password));
        }

        return created;
    }

    private delegate Task<(User? User, string? Error)> AccountChange(DbSession session, User user, IReadOnlyList<User> all, CancellationToken cancellationToken);

    /// <summary>Reads every account and applies one change in a single write; a change that succeeds ends the person's sessions.</summary>
    private async Task<(User? User, string? Error)> ChangeAsync(string userName, AccountChange change, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var all = await users.ReadAllAsync(session, cancellationToken);
        if (all.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.Ordinal)) is not { } user)
        {
            return (null, $"No user named '{userName}'.");
        }

        var (changed, error) = await change(session, user, all, cancellationToken);
        if (changed is null)
        {
            return (null, error);
        }

        await ChangeSecurityStampAsync(session, user.Id, cancellationToken);
        await sessions.EndEverySessionOfUserAsync(session, user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (changed, null);
    }

    private static bool IsLastEnabledAdmin(User user, IReadOnlyList<User> all) =>
        user is { Role: UserRole.Admin, Disabled: false } && all.Count(u => u is { Role: UserRole.Admin, Disabled: false }) == 1;

    private string? LanguageRefusal(UserRole role, IReadOnlyList<string> languages) => languages switch
    {
        _ when role != UserRole.Ngo && languages.Count == 0 => "A caseworker, supervisor or admin needs at least one language (--languages en,ar).",
        _ when languages.Any(l => !LanguagePattern().IsMatch(l)) => "Languages are BCP-47 tags such as en, ar, ne, fil.",
        // A caseworker in a language no person can choose would never see a case of their own.
        _ when languages.FirstOrDefault(l => !script.Languages.Any(s => string.Equals(s.Tag, l, StringComparison.OrdinalIgnoreCase))) is { } unknown =>
            $"'{unknown}' is not a language of the intake; choose from {string.Join(", ", script.Languages.Select(s => s.Tag))}.",
        _ => null,
    };

    private static List<string> Normalised(IReadOnlyList<string> languages) => languages.Select(l => l.ToLowerInvariant()).Distinct().ToList();

    private static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
