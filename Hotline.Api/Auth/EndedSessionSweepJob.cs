namespace Hotline.Api.Auth;

/// <summary>
/// Sign-out closes the session's connections on the instance that took it; this closes them on every
/// other instance, within one interval, by checking each live session's caller again: a session ended,
/// an account disabled, a role changed or a security stamp changed all close its connections.
/// </summary>
public sealed class EndedSessionSweepJob(LiveSessions live, CallerCheck callers, TimeProvider time, ILogger<EndedSessionSweepJob> logger, Health.LoopWatch loops)
    : PeriodicJob(time, logger, loops)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(3);

    protected override string PassName => "The ended-session sweep";

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        foreach (var (sessionId, principal) in live.Sessions())
        {
            if (await callers.ReadAsync(principal, cancellationToken) is null)
            {
                live.Close(sessionId);
            }
        }
    }
}
