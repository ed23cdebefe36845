namespace Hotline.Api.Users;

public sealed class UserRepository
{
    public async Task AddAsync(DbSession session, User user, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("Users_Create", new
        {
            user.Id,
            user.UserName,
            user.DisplayName,
            Role = user.Role.ToString(),
            user.PasswordHash,
            user.OrganisationId,
            user.CreatedAt,
            user.SecurityStamp,
            user.MustChangePassword,
        }, cancellationToken);
        foreach (var language in user.Languages.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await session.ExecuteAsync("UserLanguages_Create", new { UserId = user.Id, Language = language }, cancellationToken);
        }
    }

    public Task<User?> FindByIdAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        WithLanguagesAsync(session, session.QuerySingleOrDefaultAsync<User>("Users_ReadById", new { Id = id }, cancellationToken), cancellationToken);

    public Task<User?> FindByUserNameAsync(DbSession session, string userName, CancellationToken cancellationToken) =>
        WithLanguagesAsync(session, session.QuerySingleOrDefaultAsync<User>("Users_ReadByUserName", new { UserName = userName }, cancellationToken), cancellationToken);

    public async Task<long> CountAsync(DbSession session, CancellationToken cancellationToken) =>
        await session.QuerySingleAsync<long>("Users_Count", null, cancellationToken);

    public async Task<IReadOnlyList<User>> ReadActiveAsync(DbSession session, CancellationToken cancellationToken)
    {
        var users = await session.QueryAsync<User>("Users_ReadActive", null, cancellationToken);
        var languages = (await session.QueryAsync<UserLanguage>("UserLanguages_ReadAll", null, cancellationToken))
            .ToLookup(l => l.UserId, l => l.Language);
        return users.Select(u => u with { Languages = languages[u.Id].Order(StringComparer.Ordinal).ToList() }).AsList();
    }

    /// <summary>Every account with this role, without their languages: for listing accounts, not for routing cases.</summary>
    public async Task<IReadOnlyList<User>> ReadByRoleAsync(DbSession session, UserRole role, CancellationToken cancellationToken) =>
        (await session.QueryAsync<User>("Users_ReadByRole", new { Role = role.ToString() }, cancellationToken)).AsList();

    /// <summary>Links the account to the partner organisation it works for, or unlinks it with null.</summary>
    public Task UpdateOrganisationAsync(DbSession session, Guid id, Guid? organisationId, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_UpdateOrganisation", new { Id = id, OrganisationId = organisationId }, cancellationToken);

    public Task RecordSignInAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_RecordSignIn", new { Id = id }, cancellationToken);

    public Task RecordFailedSignInAsync(DbSession session, Guid id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_RecordFailedSignIn", new { Id = id, MaxFailures = maxFailures, LockUntil = lockUntil }, cancellationToken);

    /// <summary>Every account, disabled ones too, with their languages: the operator's list.</summary>
    public async Task<IReadOnlyList<User>> ReadAllAsync(DbSession session, CancellationToken cancellationToken)
    {
        var users = await session.QueryAsync<User>("Users_ReadAll", null, cancellationToken);
        var languages = (await session.QueryAsync<UserLanguage>("UserLanguages_ReadAll", null, cancellationToken))
            .ToLookup(l => l.UserId, l => l.Language);
        return users.Select(u => u with { Languages = languages[u.Id].Order(StringComparer.Ordinal).ToList() }).AsList();
    }

    public Task UpdateDisabledAsync(DbSession session, Guid id, bool disabled, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_UpdateDisabled", new { Id = id, Disabled = disabled }, cancellationToken);

    public Task UpdateRoleAsync(DbSession session, Guid id, UserRole role, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_UpdateRole", new { Id = id, Role = role.ToString() }, cancellationToken);

    public async Task ReplaceLanguagesAsync(DbSession session, Guid id, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("UserLanguages_DeleteByUserId", new { UserId = id }, cancellationToken);
        foreach (var language in languages.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await session.ExecuteAsync("UserLanguages_Create", new { UserId = id, Language = language }, cancellationToken);
        }
    }

    public Task UpdatePasswordAsync(DbSession session, Guid id, string passwordHash, bool mustChangePassword, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_UpdatePassword", new { Id = id, PasswordHash = passwordHash, MustChangePassword = mustChangePassword }, cancellationToken);

    public Task ChangeSecurityStampAsync(DbSession session, Guid id, string securityStamp, CancellationToken cancellationToken) =>
        session.ExecuteAsync("Users_ChangeSecurityStamp", new { Id = id, SecurityStamp = securityStamp }, cancellationToken);

    /// <summary>Per account: two-factor enrolment and the last session started (none yet: null), for the admin's list.</summary>
    public async Task<IReadOnlyDictionary<Guid, SignInFacts>> ReadSignInFactsAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.QueryAsync<SignInFacts>("Users_ReadSignInFacts", null, cancellationToken)).ToDictionary(f => f.Id);

    private static async Task<User?> WithLanguagesAsync(DbSession session, Task<User?> read, CancellationToken cancellationToken)
    {
        var user = await read;
        if (user is null)
        {
            return null;
        }

        var languages = await session.QueryAsync<string>("UserLanguages_ReadByUserId", new { UserId = user.Id }, cancellationToken);
        return user with { Languages = languages.AsList() };
    }

    private sealed record UserLanguage
    {
        public Guid UserId { get; init; }
        public string Language { get; init; } = "";
    }
}

/// <summary>What the admin's list shows of an account's sign-ins (never the secret itself).</summary>
public sealed record SignInFacts
{
    public Guid Id { get; init; }
    public long TwoFactorEnrolled { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
}
