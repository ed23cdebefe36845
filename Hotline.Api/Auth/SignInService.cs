using Hotline.Api.Storage;
using Hotline.Api.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Auth;

public enum SignInResult
{
    SignedIn,
    WrongNameOrPassword,
    LockedOut,
}

/// <summary>
/// Checks a password with ASP.NET Core's PasswordHasher and locks the account after repeated failures.
/// An unknown name and a wrong password get the same answer, so names cannot be discovered. The account
/// the name belongs to comes back whatever the result (null for an unknown name), for the audit trail;
/// only <see cref="SignInResult.SignedIn"/> signs it in.
/// </summary>
public sealed class SignInService(Database database, UserRepository users, IPasswordHasher<User> hasher, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<(SignInResult Result, User? Account)> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var user = await users.FindByUserNameAsync(session, userName, cancellationToken);
        if (user is null || user.Disabled)
        {
            return (SignInResult.WrongNameOrPassword, null);
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil > now)
        {
            return (SignInResult.LockedOut, user);
        }

        if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedSignInAsync(session, user.Id, options.Value.MaxFailedSignIns,
                now.AddMinutes(options.Value.LockoutMinutes), cancellationToken);
            await session.CommitAsync(cancellationToken);
            return (user.FailedSignIns + 1 >= options.Value.MaxFailedSignIns ? SignInResult.LockedOut : SignInResult.WrongNameOrPassword, user);
        }

        await users.RecordSignInAsync(session, user.Id, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return (SignInResult.SignedIn, user);
    }
}
