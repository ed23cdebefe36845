using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotline.Api.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in form: per client address in the middleware (before the form is
/// even read), and per account name once the form is bound (<see cref="SignInNameLimiter"/>). Beyond either
/// limit the answer is 429 with Retry-After, and nothing is verified or written.
/// </summary>
public static class SignInRateLimits
{
    public const string PerAddressPolicy = "sign-in-per-address";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SignInNameLimiter>();
        services.AddSingleton<PasswordCheckLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PerAddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => OneMinute(context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.SignInsPerAddressPerMinute)));
        });
        return services;
    }

    public static FixedWindowRateLimiterOptions OneMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Retry-After from the limiter that refused; a concurrency limit has none, and a second is then soon enough.</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Sign-in attempts per account name, whoever makes them; names compare case-insensitively, as the database does.</summary>
public sealed class SignInNameLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name.ToUpperInvariant(), _ => SignInRateLimits.OneMinute(options.Value.SignInsPerNamePerMinute)));

    public RateLimitLease AttemptAcquire(string userName) => _limiter.AttemptAcquire(userName);

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Password hashing is slow on purpose (PBKDF2), so guesses from many addresses, each within its own limits,
/// could still take every core from incoming messages. At most <see cref="AuthOptions.ConcurrentPasswordChecks"/>
/// checks run at once; up to 100 more wait their turn, oldest first, and any beyond are answered 429 at once.
/// </summary>
public sealed class PasswordCheckLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentPasswordChecks,
        QueueLimit = 100,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
