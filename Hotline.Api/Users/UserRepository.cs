using Dapper;
using Hotline.Api.Storage;

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
}
