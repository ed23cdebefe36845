using System.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace Hotline.Api.Auth;

/// <summary>
/// Checks a password with ASP.NET Core's PasswordHasher. The user is read on a reader's connection and the
/// password verified with no lock held; only the failure counter is written, so a flood of sign-in attempts
/// never holds the single writer that every incoming message needs.
/// An unknown name, a wrong password, a disabled account and an account in its waiting time all get the
/// same answer after the same work (a hash is verified every time), so names cannot be discovered.
/// </summary>
public sealed class SignInService(Database database, UserRepository users, IPasswordHasher<User> hasher, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>
    /// Every refusal is answered no sooner than this after the attempt began (<see cref="AnswerRefusalAsync"/>), so
    /// the counter's write (made only for a known name) cannot be told apart by timing.
    /// </summary>
    public static readonly TimeSpan RefusalAnswerTime = TimeSpan.FromMilliseconds(250);

    /// <summary>The first wait after <see cref="AuthOptions.MaxFailedSignIns"/> wrong passwords in a row; each later one doubles it.</summary>
    public static readonly TimeSpan FirstSignInDelay = TimeSpan.FromSeconds(5);

    private readonly Lazy<string> _dummyHash = new(() =>
        hasher.HashPassword(new User(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <returns>The user when the password is right and the account may sign in now; otherwise null. Wrong tries are
    /// forgotten only when the whole sign-in succeeds (<see cref="ClearFailuresAsync"/>), second factor included.</returns>
    public async Task<User?> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await ReadAsync(userName, cancellationToken);
        var passwordRight = hasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? _dummyHash.Value, password)
            != PasswordVerificationResult.Failed;
        if (user is not null && MayTryNow(user))
        {
            if (passwordRight)
            {
                return user;
            }

            await RecordFailureAsync(user, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Waits until <see cref="RefusalAnswerTime"/> has passed since <paramref name="started"/> (a <see cref="Stopwatch"/>
    /// timestamp), outside any limiter's permit. Wall-clock time on purpose: it hides real elapsed time.
    /// </summary>
    public static async Task AnswerRefusalAsync(long started, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed < RefusalAnswerTime)
        {
            await Task.Delay(RefusalAnswerTime - elapsed, cancellationToken);
        }
    }

    /// <summary>The wait after the <paramref name="failures"/>-th wrong password in a row: none before the limit, then doubling up to the longest.</summary>
    public static TimeSpan DelayAfter(int failures, AuthOptions options)
    {
        if (failures < options.MaxFailedSignIns)
        {
            return TimeSpan.Zero;
        }

        var longest = TimeSpan.FromMinutes(options.LongestSignInDelayMinutes);
        var doublings = Math.Min(failures - options.MaxFailedSignIns, 20);
        var delay = FirstSignInDelay * Math.Pow(2, doublings);
        return delay < longest ? delay : longest;
    }

    private async Task<User?> ReadAsync(string userName, CancellationToken cancellationToken)
    {
        await using var session = await database.OpenAsync(cancellationToken);
        return await users.FindByUserNameAsync(session, userName, cancellationToken);
    }

    /// <summary>Neither disabled nor waiting after wrong tries.</summary>
    public bool MayTryNow(User user) => !user.Disabled && !(user.LockedUntil > time.GetUtcNow());

    /// <summary>Counts a wrong password or code; from the limit on, the account waits before its next try.</summary>
    public Task RecordFailureAsync(User user, CancellationToken cancellationToken)
    {
        var failures = user.FailedSignIns + 1;
        var waitUntil = time.GetUtcNow() + DelayAfter(failures, options.Value);
        return database.WriteAsync((session, token) =>
            users.RecordFailedSignInAsync(session, user.Id, options.Value.MaxFailedSignIns, waitUntil, token), cancellationToken);
    }

    /// <summary>A clean record stays untouched: a successful sign-in writes only when there were failures to forget.</summary>
    public Task ClearFailuresAsync(User user, CancellationToken cancellationToken) =>
        user.FailedSignIns == 0 && user.LockedUntil is null
            ? Task.CompletedTask
            : database.WriteAsync((session, token) => users.RecordSignInAsync(session, user.Id, token), cancellationToken);
}
