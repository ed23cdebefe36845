using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Users;

/// <summary>
/// A person choosing their own password: from the console when signed in (the current password proves it is them),
/// or right after signing in with a one-time password (which must be replaced before anything else). Either way
/// the NIST rules apply, the security stamp changes and every other session ends. The password is verified and the
/// new one hashed before the write, which only goes ahead if the account did not change in between.
/// </summary>
public sealed class PasswordChanges(Database database, UserRepository users, UserAccounts accounts, IPasswordHasher<User> hasher)
{
    /// <summary>The result: the account as it is now, with the stamp a continuing session must carry.</summary>
    public sealed record Changed(User User);

    /// <param name="signedInStamp">The security stamp the caller's cookie carries: a cookie from before a reset or disabling changes nothing.</param>
    /// <param name="currentPassword">Null only for the change a one-time password forces.</param>
    /// <param name="keepSessionId">The session making the change, which continues; null ends every session.</param>
    public async Task<Outcome<Changed>> ChangeAsync(Guid userId, string signedInStamp, string? currentPassword, string newPassword, Guid? keepSessionId, AuditSource by,
        CancellationToken cancellationToken)
    {
        User? user;
        await using (var read = await database.OpenAsync(cancellationToken))
        {
            user = await users.FindByIdAsync(read, userId, cancellationToken);
        }

        if (user is not { Disabled: false } || !string.Equals(user.SecurityStamp, signedInStamp, StringComparison.Ordinal))
        {
            return Refused(Refusal.Forbidden, "This sign-in no longer stands; sign in again.");
        }

        if (PasswordRules.Refusal(user.UserName, newPassword) is { } rule)
        {
            return Refused(Refusal.Invalid, rule);
        }

        var newIsStored = Verifies(user, newPassword);
        if (newIsStored && !user.MustChangePassword)
        {
            // The same change again (an answer lost on the way): it is already done.
            return Outcome<Changed>.Done(new Changed(user));
        }

        if (currentPassword is null ? !user.MustChangePassword : !Verifies(user, currentPassword))
        {
            return Refused(Refusal.Invalid, "The current password is not right.");
        }

        if (newIsStored)
        {
            return Refused(Refusal.Invalid, "Choose a password of your own, not the one-time password.");
        }

        var hash = hasher.HashPassword(user, newPassword);
        await using var session = await database.BeginWriteAsync(cancellationToken);
        var now = await users.FindByIdAsync(session, userId, cancellationToken);
        if (now is null || !string.Equals(now.SecurityStamp, user.SecurityStamp, StringComparison.Ordinal) || now.PasswordHash != user.PasswordHash)
        {
            return Refused(Refusal.Conflict, "The account changed while the password was being checked; sign in again.");
        }

        await users.UpdatePasswordAsync(session, userId, hash, mustChangePassword: false, cancellationToken);
        var stamp = await accounts.RevokeAndRecordAsync(session, userId, keepSessionId, by.Entry(AuditActions.UserPasswordChanged, userId), cancellationToken);
        await session.CommitAsync(cancellationToken);
        return Outcome<Changed>.Done(new Changed(now with { PasswordHash = hash, MustChangePassword = false, SecurityStamp = stamp, FailedSignIns = 0, LockedUntil = null }));
    }

    private bool Verifies(User user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    private static Outcome<Changed> Refused(Refusal refusal, string detail) => Outcome<Changed>.Refused(refusal, detail);
}
