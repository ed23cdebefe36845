using System.Threading.RateLimiting;
using Hotline.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Auth;

/// <summary>
/// Where sign-in's password checks run, and how many. A check is PBKDF2, slow on purpose (tens of milliseconds of one
/// core), so guesses from many addresses, each within its own limits, could take the cores incoming messages need.
/// Checks run on <see cref="AuthOptions.ConcurrentPasswordChecks"/> dedicated threads of the lowest priority
/// (<see cref="LowPriorityLane"/>), which together use at most <see cref="AuthOptions.PasswordCheckCoreShare"/> of one
/// core, measured in their own CPU time: even the lowest priority would otherwise take every idle moment, and each
/// preemption costs a webhook its wake-up. Admission spends no CPU: at most <see cref="AuthOptions.PasswordChecksPerSecond"/>
/// attempts a second, whoever makes them, and no more under way than the lane's threads plus one second's budget; an
/// attempt beyond either is answered 429 at once. A browser that signed in as the same person before
/// (<see cref="KnownDevices"/>) has a budget of its own, and its check runs at once on a lane of its own, lowered less
/// (<see cref="KnownDeviceNice"/>) and with no share to rest for: one check per real sign-in, so a flood of guesses
/// cannot keep a caseworker out, and her own check does not take a whole core from incoming messages while it runs.
/// </summary>
public sealed class PasswordChecks : IDisposable
{
    /// <summary>The checks' threads are named "password-low-1" and so on (<see cref="LowPriorityLane"/>).</summary>
    public const string LaneName = "password";

    /// <summary>The known browsers' check thread is named "device-low-1" (<see cref="LowPriorityLane"/>).</summary>
    public const string KnownDeviceLaneName = "device";

    /// <summary>
    /// A known browser's check yields to the request path (CFS weight 110 against 1,024 for a nice-0 thread), so a
    /// caseworker signing in at a shift's change costs the webhooks a tenth of a core rather than all of one for the
    /// 80 ms of PBKDF2; but not as far as a stranger's (nice 19, weight 15, where a saturating load leaves a check a few
    /// seconds), so her sign-in still takes well under a second when the hotline is busy.
    /// </summary>
    public const int KnownDeviceNice = 10;

    private static readonly TimeSpan BudgetPeriod = TimeSpan.FromSeconds(1);

    private readonly LowPriorityLane _lane;
    private readonly LowPriorityLane _knownDeviceLane;
    private readonly TokenBucketRateLimiter _budget;
    private readonly TokenBucketRateLimiter _knownDeviceBudget;
    private readonly ConcurrencyLimiter _underWay;

    public PasswordChecks(IOptions<AuthOptions> options, ILogger<PasswordChecks> logger)
    {
        var auth = options.Value;
        _lane = new LowPriorityLane(LaneName, auth.ConcurrentPasswordChecks, coreShare: auth.PasswordCheckCoreShare);
        _knownDeviceLane = new LowPriorityLane(KnownDeviceLaneName, 1, KnownDeviceNice);
        _budget = Budget(auth.PasswordChecksPerSecond);
        _knownDeviceBudget = Budget(auth.PasswordChecksPerSecond);
        _underWay = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = auth.ConcurrentPasswordChecks + auth.PasswordChecksPerSecond,
            QueueLimit = 0,
        });
        if (_lane.Priority.Lowered)
        {
            logger.LogInformation("Password checks run on {Threads} thread(s) at the lowest priority ({How}), with {Share} of one core at most.",
                auth.ConcurrentPasswordChecks, _lane.Priority.How, auth.PasswordCheckCoreShare);
        }
        else
        {
            logger.LogWarning("Password checks run on {Threads} thread(s) at {How}; a flood of sign-in attempts takes that much CPU from incoming messages.",
                auth.ConcurrentPasswordChecks, _lane.Priority.How);
        }
    }

    /// <summary>Whether the checks' threads run below the request path.</summary>
    public LanePriority Priority => _lane.Priority;

    /// <summary>Whether the known browsers' check thread runs below the request path.</summary>
    public LanePriority KnownDevicePriority => _knownDeviceLane.Priority;

    /// <summary>
    /// A place for one check, held until it is done, or a refusal (with the wait it suggests) when the second's budget is
    /// spent or as many as it allows are under way. Decided before the user is read, so it is the same for every name.
    /// </summary>
    /// <param name="knownDevice">The browser signed in as the person it names now (<see cref="KnownDevices.Vouches"/>).</param>
    public RateLimitLease AttemptAcquire(bool knownDevice)
    {
        if (knownDevice)
        {
            return _knownDeviceBudget.AttemptAcquire();
        }

        var budget = _budget.AttemptAcquire();
        if (!budget.IsAcquired)
        {
            return budget;
        }

        // A token spent stays spent: disposing its lease gives nothing back.
        budget.Dispose();
        return _underWay.AttemptAcquire();
    }

    /// <summary>
    /// Runs a check on the low-priority threads, or, for a known device, on its own lane, which no stranger's check
    /// waits on; the caller holds a place from <see cref="AttemptAcquire"/>.
    /// </summary>
    public Task<bool> RunAsync(Func<bool> check, bool knownDevice, CancellationToken cancellationToken) =>
        (knownDevice ? _knownDeviceLane : _lane).RunAsync(check, cancellationToken);

    public void Dispose()
    {
        _lane.Dispose();
        _knownDeviceLane.Dispose();
        _budget.Dispose();
        _knownDeviceBudget.Dispose();
        _underWay.Dispose();
    }

    private static TokenBucketRateLimiter Budget(int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = BudgetPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
