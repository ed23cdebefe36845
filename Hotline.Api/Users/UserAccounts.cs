using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hotline.Api.Storage;
using Hotline.Bot.Intake.Scripts;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Users;

/// <summary>Creates accounts: the operator's command line and the first Development admin both come through here.</summary>
public sealed partial class UserAccounts(Database database, UserRepository users, IPasswordHasher<User> hasher, IntakeScript script, TimeProvider time)
{
    public const int MinPasswordLength = 12;

    public async Task<(User? User, string? Error)> AddAsync(string userName, UserRole role, IReadOnlyList<string> languages, string password,
        CancellationToken cancellationToken)
    {
        var error = (userName, password) switch
        {
            _ when !UserNamePattern().IsMatch(userName) => "The name must be 1 to 100 letters, digits, '.', '_', '-' or '@'.",
            _ when password.Length < MinPasswordLength => $"The password must have at least {MinPasswordLength} characters.",
            _ when role != UserRole.Ngo && languages.Count == 0 => "A caseworker, supervisor or admin needs at least one language (--languages en,ar).",
            _ when languages.Any(l => !LanguagePattern().IsMatch(l)) => "Languages are BCP-47 tags such as en, ar, ne, fil.",
            // A caseworker in a language no person can choose would never see a case of their own.
            _ when languages.FirstOrDefault(l => !script.Languages.Any(s => string.Equals(s.Tag, l, StringComparison.OrdinalIgnoreCase))) is { } unknown =>
                $"'{unknown}' is not a language of the intake; choose from {string.Join(", ", script.Languages.Select(s => s.Tag))}.",
            _ => null,
        };
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
            Languages = languages.Select(l => l.ToLowerInvariant()).Distinct().ToList(),
            SecurityStamp = NewSecurityStamp(),
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        await users.AddAsync(session, user, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (user, null);
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

    private static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
